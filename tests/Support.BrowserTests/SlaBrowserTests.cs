using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed partial class SlaBrowserTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public SlaBrowserTests(BrowserHost host) => _host = host;

    [Fact]
    public async Task Agent_sees_the_sla_badges_of_a_critical_ticket_and_the_compliance_chart_under_the_content_security_policy()
    {
        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await Assertions.Expect(customer.Locator(".rich-text-body")).ToBeVisibleAsync();
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Server" });
        await customer.GetByLabel("Company").FillAsync("Fromagerie Durand");
        await customer.GetByLabel("Email").FillAsync("lucie@fromagerie.test");
        await customer.GetByLabel("Last and first name").FillAsync("Lucie Durand");
        await customer.GetByLabel("Phone").FillAsync("01 98 76 54 32");
        await customer.GetByLabel("Critical situation").CheckAsync();
        await customer.GetByLabel("Subject").FillAsync("The production server is down");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("Nothing answers since 8 o'clock.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(customer.GetByTestId("critical-call")).ToContainTextAsync("Our on-duty technicians have been alerted");
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        var refused = new List<string>();
        var agent = await _host.NewPageAsync();
        agent.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };
        agent.PageError += (_, error) => refused.Add(error);
        await agent.GotoAsync("/Staff/Tickets?queue=Critical");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Critical: one hour around the clock from the opening.
        var row = agent.GetByTestId("queue-row").Filter(new() { HasText = number });
        await Assertions.Expect(row.GetByTestId("sla")).ToHaveTextAsync(DueWithinTheHour());
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("sla")).ToContainTextAsync("SLA · Critique");
        await Assertions.Expect(agent.GetByTestId("sla-first")).ToHaveTextAsync(DueWithinTheHour());

        await Assertions.Expect(agent.Locator(".rich-text-body")).ToBeVisibleAsync();
        var message = agent.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await message.ClickAsync();
        await message.PressSequentiallyAsync("We restarted the server; it answers again.");
        await agent.GetByLabel("Then set the status to").SelectOptionAsync(new SelectOptionValue { Label = "Closed" });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("sla-first").Locator("[data-sla=met]")).ToHaveTextAsync("Met");
        await Assertions.Expect(agent.GetByTestId("sla-resolution").Locator("[data-sla=met]")).ToHaveTextAsync("Met");

        await agent.GotoAsync("/Staff/Reports/Sla");
        await Assertions.Expect(agent.GetByTestId("sla-chart")).ToHaveAttributeAsync("data-chart-ready", "1");
        await Assertions.Expect(agent.GetByTestId("sla-row").Filter(new() { HasText = "Critical" })).ToContainTextAsync("100.0 %");
        var box = await agent.GetByTestId("sla-chart").BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 30 }, "The chart was not drawn at a visible size.");
        Assert.Empty(refused);
    }

    [GeneratedRegex(@"^\s*due .+ · (59 min|1 h 00 min) left\s*$")]
    private static partial Regex DueWithinTheHour();
}
