using System.Net;
using System.Text.RegularExpressions;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>The post-mortem: held once resolved, with its review, an action plan tracked to done, and the incident's timeline.</summary>
public sealed class PostMortemTests
{
    private static Dictionary<string, string> Review(string rootCauses) => new()
    {
        ["Input.Participants"] = "Support, Exploitation, Direction",
        ["Input.WentWell"] = "Clients notifiés en 12 minutes.",
        ["Input.WentBadly"] = "L'alerte disque n'a pas été vue.",
        ["Input.RootCauses"] = rootCauses,
        ["Input.ContributingFactors"] = "Rotation des journaux désactivée.",
    };

    [Fact]
    public async Task The_post_mortem_is_refused_while_the_incident_is_open_then_recorded_with_an_action_plan_tracked_to_done()
    {
        var clock = new ManualClock(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc));
        await using var host = new SupportHostFactory().WithServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, clock));
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(agent);
        var review = incident + "/PostMortem";

        var early = await agent.SubmitAsync(review, Review("Disque plein."));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Le post-mortem a lieu une fois l'incident résolu.", Flat(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await PostAsync(agent, incident, "State", new Dictionary<string, string> { ["NewState"] = "Resolved", ["Note"] = "" });
        var noCause = await agent.SubmitAsync(review, Review(""));
        Assert.Contains("Rédigez les causes racines.", Flat(await noCause.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, Review("Disque plein sur EXCH02."))).StatusCode);

        var page = await agent.GetStringAsync(review);
        var owner = Regex.Match(page, "name=\"NewAction.OwnerId\"[^>]*>\\s*<option value=\"\">—</option>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains("Disque plein sur EXCH02.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Incident déclaré : Messagerie indisponible", Part(page, "review-timeline"), StringComparison.Ordinal);
        Assert.Contains("État : Résolu", Part(page, "review-timeline"), StringComparison.Ordinal);

        var undated = await agent.SubmitAsync(review, new Dictionary<string, string> { ["NewAction.Title"] = "Superviser l'espace disque", ["NewAction.OwnerId"] = owner, ["NewAction.DueOn"] = "" }, review + "?handler=Action");
        Assert.Contains("Choisissez l'échéance.", Flat(await undated.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, new Dictionary<string, string> { ["NewAction.Title"] = "Superviser l'espace disque", ["NewAction.OwnerId"] = owner, ["NewAction.DueOn"] = "2026-11-25" }, review + "?handler=Action")).StatusCode);

        page = await agent.GetStringAsync(review);
        Assert.Contains("Superviser l'espace disque", Part(page, "actions"), StringComparison.Ordinal);
        Assert.Contains("En retard", Part(page, "actions"), StringComparison.Ordinal);

        var action = Regex.Match(page, "actionId=(\\d+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, new Dictionary<string, string>(), $"{review}?handler=Done&actionId={action}&done=true")).StatusCode);
        var actions = Part(await agent.GetStringAsync(review), "actions");
        Assert.Contains("Terminée", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("En retard", actions, StringComparison.Ordinal);
        Assert.Contains("Action terminée : Superviser l'espace disque", Part(await agent.GetStringAsync(incident), "timeline"), StringComparison.Ordinal);
    }
}
