using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed partial class SlaReportTests
{
    private static string Flat(string html) => Spaces().Replace(Text(html), " ");

    private static DateTime Utc(int hour, int minute = 0) => new(2026, 11, 30, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_sla_report_gives_compliance_and_response_times_per_month_and_severity_and_exports_them_as_csv()
    {
        var clock = new ManualClock(Utc(8));
        await using var host = new SupportHostFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var quick = await OpenTicketAsync(host, f => f["Input.Subject"] = "Imprimante");
        var slow = await OpenTicketAsync(host, f => f["Input.Subject"] = "Messagerie");
        var critical = await OpenTicketAsync(host, f => { f["Input.Subject"] = "Production arrêtée"; f["Input.CriticalSituation"] = "true"; });
        using var agent = await StaffSession.SignInAsync(host);

        clock.Set(Utc(8, 30));
        await AgentScenario.ReplyAsync(agent, critical, "<p>Nous appelons.</p>");
        clock.Set(Utc(9));
        await AgentScenario.ReplyAsync(agent, quick, "<p>Pilote réinstallé.</p>");
        clock.Set(Utc(10));
        await AgentScenario.ReplyAsync(agent, quick, "<p>Résolu.</p>", thenStatus: "Closed");
        clock.Set(Utc(11));
        await AgentScenario.ReplyAsync(agent, critical, "<p>Serveur redémarré.</p>", thenStatus: "Closed");
        clock.Set(Utc(14));
        await AgentScenario.ReplyAsync(agent, slow, "<p>Nous regardons.</p>");

        var report = Flat(await agent.GetStringAsync("/Staff/Reports/Sla?from=2026-11&to=2026-11"));
        Assert.Contains("novembre 2026 Critique 1 1 0 0 0 1 0 100,0 % 30 min 30 min 3 h 00 min 3 h 00 min", report, StringComparison.Ordinal);
        Assert.Contains("novembre 2026 Normale 2 1 1 0 0 1 0 66,7 % 3 h 30 min 6 h 00 min 2 h 00 min 2 h 00 min", report, StringComparison.Ordinal);
        Assert.Contains("Aucun ticket n'a été ouvert sur cette période.", Flat(await agent.GetStringAsync("/Staff/Reports/Sla?from=2026-09&to=2026-10")), StringComparison.Ordinal);

        var csv = await agent.GetAsync("/Staff/Reports/Sla?handler=Csv&from=2026-11&to=2026-11");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("sla-2026-11-2026-11.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "month,severity,tickets,first_response_met,first_response_breached,next_response_met,next_response_breached,resolution_met,resolution_breached,percent_met,first_response_mean_minutes,first_response_p90_minutes,resolution_mean_minutes,resolution_p90_minutes",
                "2026-11,Critical,1,1,0,0,0,1,0,100.0,30.0,30.0,180.0,180.0",
                "2026-11,Normal,2,1,1,0,0,1,0,66.7,210.0,360.0,120.0,120.0",
            ],
            lines);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
