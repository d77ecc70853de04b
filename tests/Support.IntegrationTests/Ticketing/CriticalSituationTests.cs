using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed partial class CriticalSituationTests
{
    private static string Flat(string html) => Spaces().Replace(Text(html), " ");

    [Fact]
    public async Task A_critical_situation_proposes_critical_shows_the_number_to_call_and_alerts_the_staff_at_once()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero));
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Ticketing:SupportPhone"] = "+33 1 80 00 00 00" })
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        using var customer = StaffSession.Anonymous(host);

        var created = await SubmitNewTicketAsync(customer, NewTicketForm(f => { f["Input.CriticalSituation"] = "true"; f["Input.Subject"] = "Plus aucun poste ne démarre"; }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var confirmation = Flat(await customer.GetStringAsync(created.Headers.Location!.OriginalString));
        var number = Regex.Match(confirmation, @"\d{6}").Value;

        Assert.Contains("Nos techniciens d'astreinte ont été alertés et vous rappelleront dès que possible. Une situation critique doit aussi être signalée par téléphone : appelez maintenant le +33 1 80 00 00 00 en indiquant votre numéro de ticket.", confirmation, StringComparison.Ordinal);
        var alert = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, "SITUATION CRITIQUE"));
        Assert.Equal($"SITUATION CRITIQUE — Nouveau ticket [#{number}] Plus aucun poste ne démarre", alert.Subject);

        // A Saturday night: Critical counts 1 hour around the clock.
        using var agent = await StaffSession.SignInAsync(host);
        var page = Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("Gravité: Critique (pas encore évaluée)", page, StringComparison.Ordinal);
        Assert.Contains("SLA · Critique Première réponse échéance " + new DateTime(2026, 12, 5, 23, 0, 0, DateTimeKind.Utc).ToLocalTime().ToString("g", System.Globalization.CultureInfo.GetCultureInfo("fr")) + " · reste 1 h 00 min", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_box_ticked_the_ticket_stays_normal_and_the_confirmation_asks_for_no_call()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Ticketing:SupportPhone"] = "+33 1 80 00 00 00" });
        using var customer = StaffSession.Anonymous(host);

        var created = await SubmitNewTicketAsync(customer, NewTicketForm());
        var confirmation = Flat(await customer.GetStringAsync(created.Headers.Location!.OriginalString));
        var number = Regex.Match(confirmation, @"\d{6}").Value;

        Assert.DoesNotContain("appelez maintenant", confirmation, StringComparison.Ordinal);
        using var agent = await StaffSession.SignInAsync(host);
        Assert.Contains("Gravité: Normale (pas encore évaluée)", Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
