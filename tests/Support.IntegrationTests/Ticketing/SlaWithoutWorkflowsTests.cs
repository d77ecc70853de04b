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
        var policies = await agent.GetAsync("/Staff/Admin/Sla");
        Assert.Equal(System.Net.HttpStatusCode.OK, policies.StatusCode);
        var refused = await agent.SubmitAsync("/Staff/Admin/Sla", new Dictionary<string, string>
        {
            ["Policy.Name"] = "Nuit", ["Policy.Severity"] = "Serious", ["Policy.Contract"] = "WithContract", ["Policy.FirstResponse"] = "1:00",
            ["Policy.NextResponse"] = "1:00", ["Policy.Resolution"] = "8:00", ["Policy.Calendar"] = "24/7", ["Policy.WarningPercent"] = "75",
        }, "/Staff/Admin/Sla");
        Assert.Contains("Choisissez un calendrier ouvré dans la liste.", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
