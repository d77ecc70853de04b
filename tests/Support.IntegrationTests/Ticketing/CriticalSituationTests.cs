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

    [Fact]
    public async Task The_on_call_roster_decides_who_else_a_critical_situation_alerts()
    {
        var now = new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(now);
        await using var host = new SupportHostFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        using var admin = await StaffSession.SignInAsync(host);
        var team = await CreateAgentAsync(host, admin, "Agent Support", "equipe@support.test");
        var onCall = await CreateAgentAsync(host, admin, "Camille Astreinte", "astreinte@support.test");
        var tomorrow = await CreateAgentAsync(host, admin, "Dominique Demain", "demain@support.test");
        await admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string> { ["member"] = "Support:" + team }, "/Staff/Admin/Ticketing?handler=Teams");

        static string Local(DateTimeOffset utc) => utc.UtcDateTime.ToLocalTime().ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Task<HttpResponseMessage> AddShiftAsync(string? staffId, DateTimeOffset? starts, DateTimeOffset? ends) =>
            admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string>
            {
                ["Shift.StaffId"] = staffId ?? "", ["Shift.Starts"] = starts is { } s ? Local(s) : "", ["Shift.Ends"] = ends is { } e ? Local(e) : "",
            }, "/Staff/Admin/Ticketing?handler=OnCall");

        // Bad input is refused with a message and adds nothing.
        foreach (var (staffId, starts, ends, message) in new (string?, DateTimeOffset?, DateTimeOffset?, string)[]
        {
            (null, now, now.AddHours(8), "Choisissez l'agent d'astreinte."),
            ("no-such-agent", now, now.AddHours(8), "Choisissez l'agent d'astreinte."),
            (onCall, null, now.AddHours(8), "Indiquez le début de la période d'astreinte."),
            (onCall, now.AddHours(8), now, "La période d'astreinte doit finir après son début."),
            (onCall, now, now.AddDays(40), "Une période d'astreinte dure au plus 31 jours ; saisissez une astreinte plus longue en plusieurs périodes."),
            (onCall, now.AddDays(-2), now.AddDays(-1), "Cette période d'astreinte est déjà terminée."),
        })
        {
            var refused = await AddShiftAsync(staffId, starts, ends);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Contains("Personne n'est d'astreinte", Flat(await admin.GetStringAsync("/Staff/Admin/Ticketing")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await AddShiftAsync(onCall, now.AddHours(-2), now.AddHours(10))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddShiftAsync(tomorrow, now.AddHours(10), now.AddHours(34))).StatusCode);
        var roster = Flat(await admin.GetStringAsync("/Staff/Admin/Ticketing"));
        Assert.Contains("Camille Astreinte D'astreinte maintenant", roster, StringComparison.Ordinal);
        Assert.DoesNotContain("Dominique Demain D'astreinte maintenant", roster, StringComparison.Ordinal);
        Assert.Contains("Dominique Demain", roster, StringComparison.Ordinal);

        // A critical situation alerts the team and whoever is on call now; an ordinary ticket only the team.
        using var customer = StaffSession.Anonymous(host);
        var critical = await SubmitNewTicketAsync(customer, NewTicketForm(f => { f["Input.CriticalSituation"] = "true"; f["Input.Subject"] = "Serveur de fichiers arrêté"; }));
        var criticalNumber = Regex.Match(Flat(await customer.GetStringAsync(critical.Headers.Location!.OriginalString)), @"\d{6}").Value;
        var ordinary = await SubmitNewTicketAsync(customer, NewTicketForm(f => f["Input.Subject"] = "Question sur une facture"));
        var ordinaryNumber = Regex.Match(Flat(await customer.GetStringAsync(ordinary.Headers.Location!.OriginalString)), @"\d{6}").Value;

        var mailbox = new PickupMailbox(host);
        await mailbox.WaitForAsync("equipe@support.test", $"Nouveau ticket [#{ordinaryNumber}]");
        Assert.Single(await mailbox.WaitForAsync("astreinte@support.test", $"SITUATION CRITIQUE — Nouveau ticket [#{criticalNumber}]"));
        Assert.Single(await mailbox.WaitForAsync("equipe@support.test", $"SITUATION CRITIQUE — Nouveau ticket [#{criticalNumber}]"));
        Assert.DoesNotContain(mailbox.To("astreinte@support.test"), m => m.Subject!.Contains(ordinaryNumber, StringComparison.Ordinal));
        Assert.Empty(mailbox.To("demain@support.test"));

        // Taken off the roster, the agent is no longer alerted.
        var shiftId = Regex.Match(await admin.GetStringAsync("/Staff/Admin/Ticketing"), @"name=""id"" value=""(\d+)""").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string> { ["id"] = shiftId }, "/Staff/Admin/Ticketing?handler=RemoveOnCall")).StatusCode);
        var rows = Regex.Matches(await admin.GetStringAsync("/Staff/Admin/Ticketing"), @"data-testid=""on-call-shift"">(.*?)</tr>", RegexOptions.Singleline).Select(m => Flat(m.Groups[1].Value)).ToList();
        Assert.StartsWith("Dominique Demain", Assert.Single(rows).Trim(), StringComparison.Ordinal);
        var second = await SubmitNewTicketAsync(customer, NewTicketForm(f => { f["Input.CriticalSituation"] = "true"; f["Input.Subject"] = "Messagerie hors service"; }));
        var secondNumber = Regex.Match(Flat(await customer.GetStringAsync(second.Headers.Location!.OriginalString)), @"\d{6}").Value;
        await mailbox.WaitForAsync("equipe@support.test", $"SITUATION CRITIQUE — Nouveau ticket [#{secondNumber}]");
        Assert.DoesNotContain(mailbox.To("astreinte@support.test"), m => m.Subject!.Contains(secondNumber, StringComparison.Ordinal));
    }

    private static async Task<string> CreateAgentAsync(SupportHostFactory host, StaffSession admin, string name, string email)
    {
        await admin.SubmitAsync("/Staff/Admin/Staff", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = "another-long-password", ["Input.Role"] = "Agent",
        });
        using var scope = host.Services.CreateScope();
        var staff = await scope.ServiceProvider.GetRequiredService<Support.Kernel.Staff.IStaffDirectory>().ListAsync(CancellationToken.None);
        return staff.Single(s => s.Email == email).Id;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
