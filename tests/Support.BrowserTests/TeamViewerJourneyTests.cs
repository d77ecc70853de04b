using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

/// <summary>The TeamViewer plugin, loaded by the host from its folder: the ID typed on the portal reaches the agent.</summary>
public sealed class TeamViewerJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public TeamViewerJourneyTests(BrowserHost host) => _host = host;

    [Fact]
    public async Task Customer_gives_a_teamviewer_id_and_the_agent_opens_it_in_teamviewer_or_copies_it()
    {
        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await Assertions.Expect(customer.Locator(".rich-text-body")).ToBeVisibleAsync();
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Printer" });
        await customer.GetByLabel("Company").FillAsync("Imprimerie Lenoir");
        await customer.GetByLabel("Email").FillAsync("luc@lenoir.test");
        await customer.GetByLabel("Last and first name").FillAsync("Luc Lenoir");
        await customer.GetByLabel("Phone").FillAsync("01 98 76 54 32");
        await customer.GetByLabel("Subject").FillAsync("Please take control of my computer");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("The driver will not install.");

        // A wrong ID is refused with the plugin's message, and the form keeps what was typed.
        var teamViewerId = customer.GetByLabel("TeamViewer ID");
        await teamViewerId.FillAsync("12 34");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(customer.GetByText("A TeamViewer ID has 9 or 10 digits.").First).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByLabel("Subject")).ToHaveValueAsync("Please take control of my computer");

        await Assertions.Expect(customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" })).ToContainTextAsync("The driver will not install.");
        await teamViewerId.FillAsync("123 456 789");

        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        var context = await _host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = _host.BaseUrl });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = _host.BaseUrl });
        var agent = await context.NewPageAsync();
        await agent.GotoAsync("/Staff/Tickets");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

        var captured = agent.GetByTestId("captured-fields");
        await Assertions.Expect(captured).ToContainTextAsync("TeamViewer ID");
        await Assertions.Expect(captured).ToContainTextAsync("123 456 789");
        var open = captured.GetByRole(AriaRole.Link, new() { Name = "Open in TeamViewer" });
        await Assertions.Expect(open).ToHaveAttributeAsync("href", "teamviewer10://control?device=123456789");

        var copy = captured.GetByRole(AriaRole.Button, new() { Name = "Copy" });
        await copy.ClickAsync();
        await Assertions.Expect(copy).ToHaveAttributeAsync("data-copied", "true");
        Assert.Equal("123 456 789", await agent.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }
}
