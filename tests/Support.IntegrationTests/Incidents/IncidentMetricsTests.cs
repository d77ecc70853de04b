using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>The metrics page: time to notify (median, per incident, over 30 minutes flagged), time to resolve, incidents per month, open action items.</summary>
public sealed class IncidentMetricsTests
{
    private static DateTime Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Declares an incident at <paramref name="declared"/> and takes it through its steps that many minutes later (signing in again when the clock jumps, as the session would have expired).</summary>
    private static async Task<string> IncidentAsync(SupportHostFactory host, ManualClock clock, string title, DateTime declared, int impactAfter, int? notifyAfter, int? resolveAfter)
    {
        clock.Set(declared);
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(agent, f => f["Input.Title"] = title);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseCompaniesAsync(host, agent, incident, "Acme Industries")).StatusCode);
        clock.Set(declared.AddMinutes(impactAfter));
        Assert.Equal(HttpStatusCode.Redirect, (await DetermineImpactAsync(agent, incident)).StatusCode);
        if (notifyAfter is { } notify)
        {
            clock.Set(declared.AddMinutes(notify));
            Assert.Equal(HttpStatusCode.Redirect, (await NotifyAsync(agent, incident, "Incident en cours", "La messagerie est indisponible.")).StatusCode);
        }

        if (resolveAfter is { } resolve)
        {
            clock.Set(declared.AddMinutes(resolve));
            using var later = await StaffSession.SignInAsync(host);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(later, incident, "State", new Dictionary<string, string> { ["NewState"] = "Resolved", ["Note"] = "" })).StatusCode);
        }

        return incident;
    }

    private static Task<HttpResponseMessage> AddActionAsync(StaffSession agent, string review, string owner, string title, string due) =>
        agent.SubmitAsync(review, new Dictionary<string, string> { ["NewAction.Title"] = title, ["NewAction.OwnerId"] = owner, ["NewAction.DueOn"] = due }, review + "?handler=Action");

    [Fact]
    public async Task The_metrics_show_times_to_notify_and_resolve_incidents_per_month_and_open_action_items()
    {
        var clock = new ManualClock(Utc(9, 1, 8, 0));
        await using var host = new SupportHostFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await OpenTicketAsync(host);

        var first = await IncidentAsync(host, clock, "Messagerie indisponible", Utc(9, 10, 9, 0), impactAfter: 5, notifyAfter: 17, resolveAfter: 120);
        await IncidentAsync(host, clock, "Téléphonie coupée", Utc(11, 20, 10, 0), impactAfter: 0, notifyAfter: 40, resolveAfter: 24 * 60);
        await IncidentAsync(host, clock, "VPN instable", Utc(11, 26, 9, 0), impactAfter: 0, notifyAfter: null, resolveAfter: null);

        clock.Set(Utc(11, 26, 9, 45));
        using var agent = await StaffSession.SignInAsync(host);

        var review = first + "/PostMortem";
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, new Dictionary<string, string> { ["Input.RootCauses"] = "Disque plein." })).StatusCode);
        var owner = Regex.Match(await agent.GetStringAsync(review), "name=\"NewAction.OwnerId\"[^>]*>\\s*<option value=\"\">—</option>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await AddActionAsync(agent, review, owner, "Superviser l'espace disque", "2026-11-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddActionAsync(agent, review, owner, "Former l'astreinte", "2026-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddActionAsync(agent, review, owner, "Purger les journaux", "2026-11-02")).StatusCode);
        var done = Regex.Matches(await agent.GetStringAsync(review), "actionId=(\\d+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        var purge = Regex.Match(await agent.GetStringAsync(review), "Purger les journaux.*?actionId=(\\d+)", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(3, done.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, new Dictionary<string, string>(), $"{review}?handler=Done&actionId={purge}&done=true")).StatusCode);

        Assert.Contains("href=\"/Staff/Incidents/Metrics\"", await agent.GetStringAsync("/Staff/Incidents"), StringComparison.Ordinal);
        var page = await agent.GetStringAsync("/Staff/Incidents/Metrics");

        Assert.Equal("26 min", Element(page, "median-notify"));
        Assert.Equal("13 h 0 min", Element(page, "median-resolve"));
        Assert.Equal("3", Element(page, "incident-count"));

        var perIncident = Part(page, "per-incident");
        Assert.Contains("INC-0001 Messagerie indisponible", perIncident, StringComparison.Ordinal);
        Assert.Matches("INC-0001 Messagerie indisponible [^A-Z]+ 12 min 2 h 0 min", perIncident);
        Assert.Matches("INC-0002 Téléphonie coupée [^A-Z]+ 40 min Plus de 30 min 24 h 0 min", perIncident);
        Assert.True(Regex.IsMatch(perIncident, "INC-0003 VPN instable [^A-Z]+ 45 min pas encore notifié Plus de 30 min pas encore résolu"), perIncident);

        var months = Part(page, "per-month");
        Assert.Contains("décembre 2025 0", months, StringComparison.Ordinal);
        Assert.Contains("septembre 2026 1", months, StringComparison.Ordinal);
        Assert.Contains("octobre 2026 0", months, StringComparison.Ordinal);
        Assert.Contains("novembre 2026 2", months, StringComparison.Ordinal);
        Assert.DoesNotContain("août 2025", months, StringComparison.Ordinal);

        Assert.Equal("2", Element(page, "open-actions-count"));
        Assert.Contains("1 en retard", Flat(page), StringComparison.Ordinal);
        var actions = Part(page, "open-actions");
        Assert.Contains("Superviser l'espace disque", actions, StringComparison.Ordinal);
        Assert.Contains("01/11/2026 En retard", actions, StringComparison.Ordinal);
        Assert.Contains("Former l'astreinte", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("31/12/2026 En retard", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("Purger les journaux", actions, StringComparison.Ordinal);
    }
}
