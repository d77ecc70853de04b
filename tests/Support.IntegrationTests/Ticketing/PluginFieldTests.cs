using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

/// <summary>The ticket forms take the fields of the plugins loaded from the plugins folder (here, TeamViewer).</summary>
public sealed class PluginFieldTests
{
    [Fact]
    public async Task A_plugin_field_is_offered_validated_stored_and_shown_to_agents()
    {
        await using var host = new SupportHostFactory();
        using var customer = StaffSession.Anonymous(host, "en");
        var form = await customer.GetStringAsync("/tickets/new");
        Assert.Contains("name=\"Input.Fields[teamviewer-id]\"", form, StringComparison.Ordinal);
        Assert.Contains("Hover over the TeamViewer icon in the taskbar", Text(form), StringComparison.Ordinal);

        var refused = await SubmitNewTicketAsync(customer, NewTicketForm(f => f["Input.Fields[teamviewer-id]"] = "12ab"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A TeamViewer ID has 9 or 10 digits.", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await TicketCountAsync(host));

        var number = await OpenTicketAsync(host, f => f["Input.Fields[teamviewer-id]"] = "123 456 789");
        var stored = await QueryAsync(host, db => db.TicketFieldValues.Select(v => new { v.Key, v.Value }).SingleAsync());
        Assert.Equal(("teamviewer-id", "123456789"), (stored.Key, stored.Value));

        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        Assert.Contains("TeamViewer ID", Text(page), StringComparison.Ordinal);
        Assert.Contains("href=\"teamviewer10://control?device=123456789\"", page, StringComparison.Ordinal);
    }
}
