using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed class EscalationJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public EscalationJourneyTests(BrowserHost host) => _host = host;

    [Fact]
    public async Task Customer_requests_escalation_from_the_ticket_and_an_agent_acknowledges_it_in_the_console()
    {
        var refused = new List<string>();
        var customer = await _host.NewPageAsync();
        Watch(customer, refused);
        await customer.GotoAsync("/tickets/new");
        await Assertions.Expect(customer.Locator(".rich-text-body")).ToBeVisibleAsync();
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Server" });
        await customer.GetByLabel("Company").FillAsync("Transports Lefèvre");
        await customer.GetByLabel("Email").FillAsync("anne@lefevre.test");
        await customer.GetByLabel("Last and first name").FillAsync("Anne Lefèvre");
        await customer.GetByLabel("Phone").FillAsync("01 11 22 33 44");
        await customer.GetByLabel("Subject").FillAsync("Invoices cannot be printed");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("The invoicing server refuses every print job.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        var opened = Assert.Single(await new PickupMailbox(_host.Factory).WaitForAsync("anne@lefevre.test", $"[#{number}]"));
        await customer.GotoAsync(PickupMailbox.AccessLinkPath(opened));

        // An empty reason is refused with a message; then the request goes through.
        await customer.GetByRole(AriaRole.Button, new() { Name = "Request escalation" }).ClickAsync();
        await Assertions.Expect(customer.GetByTestId("escalation-error")).ToHaveTextAsync("Tell us why the ticket must be escalated.");
        await customer.GetByLabel("Reason").FillAsync("No invoice has gone out for three days.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Request escalation" }).ClickAsync();
        await Assertions.Expect(customer.GetByTestId("escalation-notice")).ToContainTextAsync("Your escalation request has been sent.");
        await Assertions.Expect(customer.GetByTestId("customer-requests")).ToContainTextAsync("Escalation requested · managers being called");
        Assert.Single(await new PickupMailbox(_host.Factory).WaitForAsync("anne@lefevre.test", $"Your escalation request has been received [#{number}]"));

        var agent = await _host.NewPageAsync();
        Watch(agent, refused);
        await agent.GotoAsync("/Staff/Tickets");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("open-escalation")).ToContainTextAsync("No invoice has gone out for three days.");
        await Assertions.Expect(agent.GetByTestId("audit")).ToContainTextAsync("Escalation requested by the customer: No invoice has gone out for three days.");
        await agent.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("escalation-notice")).ToHaveTextAsync("The escalation has been acknowledged: the chain stops here.");
        await Assertions.Expect(agent.GetByTestId("open-escalation")).ToHaveCountAsync(0);
        await Assertions.Expect(agent.GetByTestId("audit")).ToContainTextAsync("Escalation acknowledged");

        await customer.ReloadAsync();
        await Assertions.Expect(customer.GetByTestId("customer-requests")).ToContainTextAsync("Escalation requested · taken in hand");
        Assert.Single(await new PickupMailbox(_host.Factory).WaitForAsync("anne@lefevre.test", $"Your escalation has been taken in hand [#{number}]"));
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    private static void Watch(IPage page, List<string> refused)
    {
        page.Console += (_, message) =>
        {
            // The host serves no favicon; the browser's own request for one is not the page's doing.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                refused.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => refused.Add(error);
    }
}
