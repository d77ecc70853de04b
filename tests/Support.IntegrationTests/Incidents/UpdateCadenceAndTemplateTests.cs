using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Support.Host.Identity;
using Support.Incidents.Features.Cadence;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>Reminders of the updates due on the cadence the lead set, and the notification templates admins reword.</summary>
public sealed class UpdateCadenceAndTemplateTests
{
    private const string Reminder = "[INC-0001] Point de situation attendu / Update due";

    private static DateTime Utc(int hour, int minute) => new(2026, 11, 26, hour, minute, 0, DateTimeKind.Utc);

    private static SupportHostFactory Host(ManualClock clock, string interval) =>
        new SupportHostFactory(settings: new Dictionary<string, string?> { ["Incidents:UpdateReminderInterval"] = interval })
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    /// <summary>An incident impacting Acme, notified at 9:05 with an update every 30 minutes.</summary>
    private static async Task<string> NotifiedWithCadenceAsync(SupportHostFactory host, StaffSession agent, ManualClock clock)
    {
        await OpenTicketAsync(host);
        var incident = await DeclareAsync(agent);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseCompaniesAsync(host, agent, incident, "Acme Industries")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DetermineImpactAsync(agent, incident)).StatusCode);
        clock.Set(Utc(9, 5));
        Assert.Equal(HttpStatusCode.Redirect, (await NotifyAsync(agent, incident, "Incident en cours", "La messagerie est indisponible.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Cadence", new Dictionary<string, string> { ["CadenceMinutes"] = "30" })).StatusCode);
        return incident;
    }

    private static async Task<int> RemindAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RemindDueUpdatesCommand());
    }

    [Fact]
    public async Task The_communications_lead_is_reminded_by_email_and_on_the_timeline_when_an_update_is_due_and_not_sent()
    {
        var clock = new ManualClock(Utc(9, 0));
        await using var host = Host(clock, "00:00:00.100");
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await NotifiedWithCadenceAsync(host, agent, clock);
        var cadence = Part(await agent.GetStringAsync(incident), "cadence-form");
        Assert.Contains("Prochain point attendu à", cadence, StringComparison.Ordinal);
        Assert.DoesNotContain("Retard", cadence, StringComparison.Ordinal);

        clock.Set(Utc(9, 36));
        var email = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, Reminder));
        Assert.Contains("était attendu à 09:35 UTC (un toutes les 30 minutes)", email.TextBody, StringComparison.Ordinal);
        await Eventually.WaitForAsync(
            async () => Part(await agent.GetStringAsync(incident), "timeline"),
            timeline => timeline.Contains("Rappel : le point de situation aux clients était attendu à 09:35 UTC", StringComparison.Ordinal),
            "the reminder on the timeline");
        Assert.Contains("Retard", Part(await agent.GetStringAsync(incident), "cadence-form"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_goes_once_per_due_time_and_sending_the_update_moves_the_next_one_on()
    {
        var clock = new ManualClock(Utc(9, 0));
        await using var host = Host(clock, "01:00:00");
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await NotifiedWithCadenceAsync(host, agent, clock);

        clock.Set(Utc(9, 34));
        Assert.Equal(0, await RemindAsync(host));
        clock.Set(Utc(9, 36));
        Assert.Equal(1, await RemindAsync(host));
        clock.Set(Utc(9, 50));
        Assert.Equal(0, await RemindAsync(host));

        Assert.Equal(HttpStatusCode.Redirect, (await NotifyAsync(agent, incident, "Point de situation", "La cause est identifiée.")).StatusCode);
        clock.Set(Utc(10, 19));
        Assert.Equal(0, await RemindAsync(host));
        clock.Set(Utc(10, 21));
        Assert.Equal(1, await RemindAsync(host));

        await PostAsync(agent, incident, "State", new Dictionary<string, string> { ["NewState"] = "Resolved", ["Note"] = "" });
        clock.Set(Utc(11, 30));
        Assert.Equal(0, await RemindAsync(host));

        var reminders = await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, Reminder, 2);
        Assert.Equal(2, reminders.Count);
        var timeline = Part(await agent.GetStringAsync(incident), "timeline");
        Assert.Contains("attendu à 09:35 UTC", timeline, StringComparison.Ordinal);
        Assert.Contains("attendu à 10:20 UTC", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_reword_a_template_with_known_placeholders_only_the_composer_uses_it_and_it_can_be_reset()
    {
        await using var host = new SupportHostFactory();
        await StaffIdentityTests.CreateStaffAsync(host, "agent@support.test", "agent-password-123", StaffRoles.Agent);
        using var agent = await StaffSession.SignInAsync(host, "agent@support.test", "agent-password-123");
        using var admin = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(admin);
        const string Templates = "/Staff/Admin/Incidents/Templates";

        var denied = await agent.GetAsync(Templates);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Staff/AccessDenied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Templates}\"", await admin.GetStringAsync("/Staff"), StringComparison.Ordinal);

        var page = await admin.GetStringAsync(Templates);
        foreach (var section in new[] { "initial-fr", "initial-en", "update-fr", "update-en", "resolved-fr", "resolved-en" })
        {
            Assert.Contains("Texte par défaut", Part(page, "template-" + section), StringComparison.Ordinal);
        }

        var save = $"{Templates}?handler=Save&key=initial&language=fr";
        var unknown = await admin.SubmitAsync(Templates, new Dictionary<string, string> { ["Subject"] = "Alerte : {title}", ["Body"] = "Bonjour,\n{services} est touché ({client})." }, save);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Champ(s) inconnu(s) : {client}. Les champs possibles sont {reference}, {title}, {services}, {impact}, {state}.", Flat(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var empty = await admin.SubmitAsync(Templates, new Dictionary<string, string> { ["Subject"] = "", ["Body"] = "Bonjour" }, save);
        Assert.Contains("Saisissez l'objet.", Flat(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Incident en cours : Messagerie indisponible", WebUtility.HtmlDecode(await admin.GetStringAsync($"{incident}/Notify")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Templates, new Dictionary<string, string> { ["Subject"] = "Alerte {reference} : {title}", ["Body"] = "Bonjour,\n{services} est touché. Impact : {impact}. Situation : {state}." }, save)).StatusCode);
        Assert.Contains("Personnalisé", Part(await admin.GetStringAsync(Templates), "template-initial-fr"), StringComparison.Ordinal);
        var composer = WebUtility.HtmlDecode(await admin.GetStringAsync($"{incident}/Notify"));
        Assert.Contains("Alerte INC-0001 : Messagerie indisponible", composer, StringComparison.Ordinal);
        Assert.Contains("Messagerie, Webmail est touché. Impact : Aucun e-mail n'est envoyé ni reçu.. Situation : recherche de la cause.", composer, StringComparison.Ordinal);
        Assert.Contains("Incident in progress: Messagerie indisponible", WebUtility.HtmlDecode(await admin.GetStringAsync($"{incident}/Notify?language=en")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Templates, new Dictionary<string, string>(), $"{Templates}?handler=Reset&key=initial&language=fr")).StatusCode);
        Assert.Contains("Texte par défaut", Part(await admin.GetStringAsync(Templates), "template-initial-fr"), StringComparison.Ordinal);
        Assert.Contains("Incident en cours : Messagerie indisponible", WebUtility.HtmlDecode(await admin.GetStringAsync($"{incident}/Notify")), StringComparison.Ordinal);
    }
}
