using System.Net;
using System.Text.RegularExpressions;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>The notification and resolution teams: roles, the resolution plan's tasks, the scope assessment, the update cadence.</summary>
public sealed class IncidentTeamTests
{
    private static string StaffId(string page) =>
        Regex.Match(page, "<select[^>]*name=\"Member.StaffId\"[^>]*>\\s*<option value=\"\">—</option>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Roles_tasks_and_the_scope_assessment_are_recorded_on_the_incident_and_its_timeline()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(agent);
        var me = StaffId(await agent.GetStringAsync(incident));
        Assert.NotEmpty(me);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Member", new Dictionary<string, string> { ["Member.StaffId"] = me, ["Member.Role"] = "CommunicationsLead", ["Member.Team"] = "None" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Member", new Dictionary<string, string> { ["Member.StaffId"] = me, ["Member.Role"] = "Expert", ["Member.Team"] = "ItOperations" })).StatusCode);
        var expertWithoutTeam = await PostAsync(agent, incident, "Member", new Dictionary<string, string> { ["Member.StaffId"] = me, ["Member.Role"] = "Expert", ["Member.Team"] = "None" });
        Assert.Equal(HttpStatusCode.OK, expertWithoutTeam.StatusCode);
        Assert.Contains("Choisissez l'équipe de l'expert.", Flat(await expertWithoutTeam.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Task", new Dictionary<string, string> { ["NewTask.Title"] = "Libérer de l'espace disque", ["NewTask.OwnerId"] = me })).StatusCode);
        var untitled = await PostAsync(agent, incident, "Task", new Dictionary<string, string> { ["NewTask.Title"] = "", ["NewTask.OwnerId"] = me });
        Assert.Contains("Décrivez la tâche.", Flat(await untitled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Scope", new Dictionary<string, string> { ["Scope"] = "Seuls les clients hébergés sur EXCH02 sont touchés." })).StatusCode);

        var page = await agent.GetStringAsync(incident);
        var team = Part(page, "team");
        Assert.Contains("Responsable de la communication", team, StringComparison.Ordinal);
        Assert.Contains("Expert · Exploitation informatique", team, StringComparison.Ordinal);
        Assert.Contains("Libérer de l'espace disque", Part(page, "tasks"), StringComparison.Ordinal);
        Assert.Contains("Seuls les clients hébergés sur EXCH02 sont touchés.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var taskId = Regex.Match(page, "taskId=(\\d+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(incident, new Dictionary<string, string> { ["taskState"] = "Done" }, $"{incident}?handler=TaskState&taskId={taskId}")).StatusCode);
        var timeline = Part(await agent.GetStringAsync(incident), "timeline");
        Assert.Contains("rejoint comme Responsable de la communication", timeline, StringComparison.Ordinal);
        Assert.Contains("Plan de résolution : tâche ajoutée, Libérer de l'espace disque", timeline, StringComparison.Ordinal);
        Assert.Contains("Plan de résolution : Libérer de l'espace disque → Terminée", timeline, StringComparison.Ordinal);
        Assert.Contains("Périmètre évalué : Seuls les clients hébergés sur EXCH02 sont touchés.", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_update_cadence_sets_when_the_next_update_is_due_after_each_notification()
    {
        var clock = new ManualClock(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc));
        await using var host = new SupportHostFactory().WithServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, clock));
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        await Ticketing.TicketingScenario.OpenTicketAsync(host);
        var incident = await DeclareAsync(agent);
        await ChooseCompaniesAsync(host, agent, incident, "Acme Industries");
        await DetermineImpactAsync(agent, incident);

        var refused = await PostAsync(agent, incident, "Cadence", new Dictionary<string, string> { ["CadenceMinutes"] = "2" });
        Assert.Contains("The cadence is between 5 minutes and 24 hours.", Flat(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Cadence", new Dictionary<string, string> { ["CadenceMinutes"] = "60" })).StatusCode);
        clock.Set(new DateTime(2026, 11, 26, 9, 15, 0, DateTimeKind.Utc));
        await NotifyAsync(agent, incident, "Incident", "Messagerie indisponible.");

        var page = await agent.GetStringAsync(incident);
        Assert.Contains("Update cadence: every 60 minutes", Part(page, "timeline"), StringComparison.Ordinal);
        Assert.Contains("Next update due at", Part(page, "cadence-form"), StringComparison.Ordinal);
    }
}
