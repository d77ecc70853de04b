using Support.Testing;

namespace Support.IntegrationTests;

public sealed class ModuleSwitchTests
{
    [Fact]
    public async Task Disabled_module_gets_no_tables_and_shows_as_disabled_to_staff()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Modules:Incidents:Enabled"] = "false" });
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var dashboard = await admin.GetStringAsync("/Staff");
        var tables = await HostTests.ReadAsync(host.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'table'");

        Assert.DoesNotContain(tables, t => t.StartsWith("incidents_", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.StartsWith("ticketing_", StringComparison.Ordinal));
        Assert.Matches(@"<span>Incidents</span>\s*<span class=""badge text-bg-secondary"">Disabled</span>", dashboard);
        Assert.Matches(@"<span>Ticketing</span>\s*<span class=""badge text-bg-success"">Enabled</span>", dashboard);
    }
}
