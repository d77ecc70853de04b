using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

/// <summary>A ticket's SLA clocks as agents see them, with the product's clock moved by the test.</summary>
public sealed partial class SlaClockTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A time as the console writes it (the server's local time, French format).</summary>
    private static string When(DateTime utc) => utc.ToLocalTime().ToString("g", French);

    private static string Flat(string html) => Spaces().Replace(Text(html), " ").Trim();

    /// <summary>The text of one SLA line of the ticket page (<c>first</c>, <c>next</c>, <c>resolution</c>).</summary>
    private static async Task<string> ClockAsync(StaffSession agent, string number, string clock)
    {
        var page = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        return Flat(Regex.Match(page, $"data-testid=\"sla-{clock}\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value);
    }

    /// <summary>The SLA cell of the ticket's row in a queue, or null when the queue does not list it.</summary>
    private static async Task<string?> QueueSlaAsync(StaffSession agent, string queue, string number)
    {
        var page = await agent.GetStringAsync($"/Staff/Tickets?queue={queue}");
        var row = Regex.Match(page, $"<a href=\"/Staff/Tickets/{number}\" class=\"fw-semibold\">.*?<td data-testid=\"sla\">(.*?)</td>", RegexOptions.Singleline);
        return row.Success ? Flat(row.Groups[1].Value) : null;
    }

    private static Task<HttpResponseMessage> SetSeverityAsync(StaffSession agent, string number, string severity, string status = "Open") =>
        AgentScenario.UpdateAsync(agent, number, new Dictionary<string, string>
        {
            ["Team"] = "Support", ["AssignedAgentId"] = "", ["Status"] = status, ["Priority"] = "Normal",
            ["Severity"] = severity, ["HelpTopicId"] = "2", ["CompanyId"] = "1",
        });

    [Fact]
    public async Task Clocks_follow_a_ticket_from_opening_through_a_wait_for_the_customer_a_severity_change_and_closing()
    {
        // Monday 30 November 2026, 09:00 in Paris: the start of the "Support hours" day.
        var clock = new ManualClock(Utc(11, 30, 8));
        await using var host = new SupportHostFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var number = await OpenTicketAsync(host);
        var agent = await StaffSession.SignInAsync(host);

        // Normal: 4 business hours to the first response, 40 to the resolution (Monday to Friday 09:00-17:00).
        Assert.Equal($"échéance {When(Utc(11, 30, 12))} · reste 4 h 00 min", await ClockAsync(agent, number, "first"));
        Assert.Equal("—", await ClockAsync(agent, number, "next"));
        Assert.Equal($"échéance {When(Utc(12, 4, 16))} · reste 4 d 8 h", await ClockAsync(agent, number, "resolution"));
        Assert.Equal($"échéance {When(Utc(11, 30, 12))} · reste 4 h 00 min", await QueueSlaAsync(agent, "Open", number));
        Assert.Null(await QueueSlaAsync(agent, "AtRisk", number));

        // 3 h 30 later the first response is past its 75 % warning threshold.
        clock.Set(Utc(11, 30, 11, 30));
        Assert.Equal($"À risque échéance {When(Utc(11, 30, 12))} · reste 30 min", await QueueSlaAsync(agent, "AtRisk", number));
        Assert.Null(await QueueSlaAsync(agent, "Breached", number));

        // The agent answers and waits for the customer: the first response is met and the clocks stand still.
        await AgentScenario.ReplyAsync(agent, number, "<p>Pouvez-vous redémarrer l'imprimante ?</p>", thenStatus: "AwaitingCustomer");
        Assert.Equal("Respecté", await ClockAsync(agent, number, "first"));
        Assert.Equal("En pause", await ClockAsync(agent, number, "resolution"));
        Assert.Equal("En pause", await QueueSlaAsync(agent, "AwaitingCustomer", number));
        Assert.Null(await QueueSlaAsync(agent, "AtRisk", number));

        // Tuesday 10:00 in Paris the customer answers: the next-response clock starts, the resolution clock runs
        // again with the 3 h 30 used on Monday (36 h 30 left: Tuesday 7 h, Wednesday to Friday 24 h, Monday 5 h 30).
        clock.Set(Utc(12, 1, 9));
        using (var customer = await OpenLatestAccessLinkAsync(host, $"Nouvelle réponse à votre ticket [#{number}]"))
        {
            var reply = await customer.SubmitMultipartAsync("/tickets/view", new Dictionary<string, string> { ["Body"] = "<p>C'est fait, sans effet.</p>" }, null, "/tickets/view?handler=Reply");
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }

        // A new working day: the agent signs in again (a console session lasts 10 hours).
        agent.Dispose();
        agent = await StaffSession.SignInAsync(host);
        Assert.Equal($"échéance {When(Utc(12, 1, 13))} · reste 4 h 00 min", await ClockAsync(agent, number, "next"));
        Assert.Equal($"échéance {When(Utc(12, 7, 13, 30))} · reste 6 d 4 h", await ClockAsync(agent, number, "resolution"));
        Assert.Equal("Respecté", await ClockAsync(agent, number, "first"));

        // An hour later the agent finds production degraded: Serious, 2 h and 24 h around the clock, counted again
        // from the customer's reply and from the opening (the night's pause still not counted: 3 h 30 + 20 h 30).
        clock.Set(Utc(12, 1, 10));
        Assert.Equal(HttpStatusCode.Redirect, (await SetSeverityAsync(agent, number, "Serious")).StatusCode);
        Assert.Equal($"échéance {When(Utc(12, 1, 11))} · reste 1 h 00 min", await ClockAsync(agent, number, "next"));
        Assert.Equal($"échéance {When(Utc(12, 2, 5, 30))} · reste 19 h 30 min", await ClockAsync(agent, number, "resolution"));

        // Nobody answers in time.
        clock.Set(Utc(12, 1, 11, 15));
        Assert.Equal($"Dépassé échéance {When(Utc(12, 1, 11))} · 15 min de retard", await ClockAsync(agent, number, "next"));
        Assert.Equal($"Dépassé échéance {When(Utc(12, 1, 11))} · 15 min de retard", await QueueSlaAsync(agent, "Breached", number));

        await AgentScenario.ReplyAsync(agent, number, "<p>Un technicien s'en occupe.</p>");
        Assert.Equal("— Réponses à temps : 0, en retard : 1", await ClockAsync(agent, number, "next"));
        Assert.Null(await QueueSlaAsync(agent, "Breached", number));
        Assert.Equal($"échéance {When(Utc(12, 2, 5, 30))} · reste 18 h 15 min", await QueueSlaAsync(agent, "Open", number));

        // Closed before the resolution target.
        clock.Set(Utc(12, 1, 12));
        await AgentScenario.ReplyAsync(agent, number, "<p>L'imprimante fonctionne de nouveau.</p>", thenStatus: "Closed");
        Assert.Equal("Respecté", await ClockAsync(agent, number, "first"));
        Assert.Equal("Respecté", await ClockAsync(agent, number, "resolution"));
        Assert.Equal("—", await QueueSlaAsync(agent, "Closed", number));
        Assert.Contains("<h2 class=\"h6\">SLA · Sérieuse</h2>", await agent.GetStringAsync($"/Staff/Tickets/{number}"), StringComparison.Ordinal);
        agent.Dispose();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
