using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed class AdminJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public AdminJourneyTests(BrowserHost host) => _host = host;

    [Fact]
    public async Task Admin_signs_in_and_finds_the_teamviewer_plugin_loaded_on_the_plugins_page()
    {
        var page = await _host.NewPageAsync();

        await page.GotoAsync("/Staff/Admin/Plugins");
        Assert.Contains("/Staff/Login", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/Staff/Admin/Plugins");
        var row = page.Locator("tr[data-plugin='Support.Plugins.TeamViewer']");
        await Assertions.Expect(row).ToContainTextAsync("TeamViewer");
        await Assertions.Expect(row).ToContainTextAsync("Loaded");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(SupportHostFactory.AdminEmail);
    }

    [Fact]
    public async Task Visitor_switches_the_portal_to_french_with_the_language_buttons()
    {
        var page = await _host.NewPageAsync("en-GB");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "FR" }).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bienvenue au centre de support");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
    }
}
