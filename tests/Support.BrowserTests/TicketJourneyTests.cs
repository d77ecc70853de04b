using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed class TicketJourneyTests : IClassFixture<BrowserHost>
{
    private const string Customer = "marie.durand@acme.test";
    private readonly BrowserHost _host;

    public TicketJourneyTests(BrowserHost host) => _host = host;

    /// <summary>The editor replaces its textarea once the page's scripts have run; typing before that would go nowhere.</summary>
    private static Task EditorReadyAsync(IPage page) => Assertions.Expect(page.Locator(".rich-text-body")).ToBeVisibleAsync();

    [Fact]
    public async Task Customer_opens_a_ticket_with_an_attachment_follows_the_emailed_link_and_replies()
    {
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a new ticket" }).ClickAsync();

        await EditorReadyAsync(page);
        await page.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Printer" });
        await page.GetByLabel("Company").FillAsync("Acme Industries");
        await page.GetByLabel("Department").FillAsync("Accounting");
        await page.GetByLabel("Email").FillAsync(Customer);
        await page.GetByLabel("Last and first name").FillAsync("Marie Durand");
        await page.GetByLabel("Phone").FillAsync("+33 1 23 45 67 89");
        await page.GetByLabel("Subject").FillAsync("The second-floor printer is offline");
        var detail = page.GetByRole(AriaRole.Textbox, new() { Name = "Detail" });
        await detail.ClickAsync();
        await detail.PressSequentiallyAsync("Since this morning the printer says ");
        await page.Keyboard.PressAsync("Control+b");
        await detail.PressSequentiallyAsync("offline");
        await page.Locator("#Attachments").SetInputFilesAsync(new FilePayload { Name = "printer-status.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%test page\n"u8.ToArray() });
        await Assertions.Expect(page.Locator(".dropzone-file-name")).ToHaveTextAsync("printer-status.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you, Marie Durand.");
        var number = (await page.GetByTestId("ticket-number").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9]{6}$", number);

        var mail = Assert.Single(await new PickupMailbox(_host.Factory).WaitForAsync(Customer, $"[#{number}]"));
        await page.GotoAsync(PickupMailbox.AccessLinkPath(mail));
        await Assertions.Expect(page.GetByTestId("subject")).ToHaveTextAsync("The second-floor printer is offline");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Open");
        var first = page.GetByTestId("thread-entry").First;
        await Assertions.Expect(first.Locator(".rich-content strong")).ToHaveTextAsync("offline");
        await Assertions.Expect(first.GetByTestId("attachment")).ToHaveTextAsync("printer-status.pdf");

        await EditorReadyAsync(page);
        var reply = page.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" });
        await reply.ClickAsync();
        await reply.PressSequentiallyAsync("It still says offline after a restart.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("Your reply has been sent.");
        await Assertions.Expect(page.GetByTestId("thread-entry")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check ticket status");
    }

    [Fact]
    public async Task Agent_replies_to_a_ticket_and_closes_it()
    {
        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await EditorReadyAsync(customer);
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Mailbox" });
        await customer.GetByLabel("Company").FillAsync("Boulangerie Étoile");
        await customer.GetByLabel("Email").FillAsync("paul@etoile.test");
        await customer.GetByLabel("Last and first name").FillAsync("Paul Martin");
        await customer.GetByLabel("Phone").FillAsync("01 23 45 67 89");
        await customer.GetByLabel("Subject").FillAsync("Mail is not syncing");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("Outlook shows a sync error.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        var agent = await _host.NewPageAsync();
        await agent.GotoAsync("/Staff/Tickets");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("subject")).ToHaveTextAsync("Mail is not syncing");

        await EditorReadyAsync(agent);
        var message = agent.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await message.ClickAsync();
        await message.PressSequentiallyAsync("Your mailbox was full; I have archived last year's mail.");
        await agent.GetByLabel("Then set the status to").SelectOptionAsync(new SelectOptionValue { Label = "Closed" });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(agent.GetByTestId("notice")).ToHaveTextAsync("Your reply has been sent to the customer.");
        await Assertions.Expect(agent.GetByTestId("status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(agent.GetByTestId("audit")).ToContainTextAsync("Status: Open → Closed");

        var mail = Assert.Single(await new PickupMailbox(_host.Factory).WaitForAsync("paul@etoile.test", $"Your ticket is solved [#{number}]"));
        Assert.Contains("archived last year's mail", mail.TextBody, StringComparison.Ordinal);
    }
}
