using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed class SlaWithoutWorkflowsTests
{
    [Fact]
    public async Task With_the_workflows_module_switched_off_tickets_open_and_show_that_no_sla_applies()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Modules:Workflows:Enabled"] = "false", ["Ticketing:SlaWorkflow"] = "true" });
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host);

        Assert.Contains("Aucune politique de SLA ne s'applique à ce ticket.", Text(await agent.GetStringAsync($"/Staff/Tickets/{number}")), StringComparison.Ordinal);
    }
}
