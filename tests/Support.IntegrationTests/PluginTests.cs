using System.Net;
using Support.Testing;

namespace Support.IntegrationTests;

public sealed class PluginTests : IClassFixture<PluginTests.HostWithBrokenPlugins>
{
    private readonly SupportHostFactory _host;

    public PluginTests(HostWithBrokenPlugins fixture) => _host = fixture.Factory;

    [Fact]
    public async Task Plugins_page_lists_the_loaded_plugin_and_reports_the_broken_ones()
    {
        using var admin = await StaffSession.SignInAsync(_host, language: "en");

        var page = await admin.GetStringAsync("/Staff/Admin/Plugins");

        Assert.Matches(@"data-plugin=""Support.Plugins.TeamViewer""[\s\S]*?<strong>TeamViewer</strong>[\s\S]*?<td>0\.1\.0</td>[\s\S]*?>Loaded</span>", page);
        Assert.Matches(@"data-plugin=""Support.Plugins.Corrupt""[\s\S]*?>Failed</span>[\s\S]*?BadImageFormatException", page);
        Assert.Matches(@"data-plugin=""Support.Plugins.Empty""[\s\S]*?>Failed</span>[\s\S]*?has no Support.Plugins.Empty.dll", page);
    }

    [Fact]
    public async Task Broken_plugins_do_not_stop_the_host()
    {
        using var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains(_host.Logs, l => l.Contains("Plugin folder Support.Plugins.Corrupt failed to load", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plugin_adds_its_staff_page_and_menu_entry_to_the_console()
    {
        using var admin = await StaffSession.SignInAsync(_host, language: "en");

        var dashboard = await admin.GetStringAsync("/Staff");
        var page = await admin.GetStringAsync("/Staff/Plugins/TeamViewer");

        Assert.Contains("href=\"/Staff/Plugins/TeamViewer\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("TeamViewer session", page, StringComparison.Ordinal);
        Assert.Contains("Hover over the TeamViewer icon in the taskbar to read the nine-digit ID.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_prepares_a_remote_session_from_a_typed_teamviewer_id()
    {
        using var admin = await StaffSession.SignInAsync(_host, language: "en");

        var response = await admin.SubmitAsync("/Staff/Plugins/TeamViewer", new Dictionary<string, string> { ["TeamViewerId"] = "123 456 789" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains(">123 456 789</p>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"teamviewer10://control?device=123456789\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678", "A TeamViewer ID has 9 or 10 digits.")]
    [InlineData("12345678901", "A TeamViewer ID has 9 or 10 digits.")]
    [InlineData("12345678a", "A TeamViewer ID has 9 or 10 digits.")]
    [InlineData("", "Enter a TeamViewer ID.")]
    public async Task Invalid_teamviewer_id_is_refused_with_a_message(string typed, string message)
    {
        using var admin = await StaffSession.SignInAsync(_host, language: "en");

        var response = await admin.SubmitAsync("/Staff/Plugins/TeamViewer", new Dictionary<string, string> { ["TeamViewerId"] = typed });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("teamviewer10://", page, StringComparison.Ordinal);
    }

    public sealed class HostWithBrokenPlugins : IAsyncLifetime
    {
        public HostWithBrokenPlugins()
        {
            var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "plugins", "Support.Plugins.TeamViewer"), Path.Combine(plugins, "Support.Plugins.TeamViewer"));
            var corrupt = Directory.CreateDirectory(Path.Combine(plugins, "Support.Plugins.Corrupt")).FullName;
            File.WriteAllText(Path.Combine(corrupt, "Support.Plugins.Corrupt.dll"), "this is not an assembly");
            Directory.CreateDirectory(Path.Combine(plugins, "Support.Plugins.Empty"));
            Factory = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Plugins:Path"] = plugins });
        }

        public SupportHostFactory Factory { get; }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        internal static void CopyDirectory(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(destination, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}

public sealed class PluginSwitchTests
{
    [Fact]
    public async Task Disabled_plugin_is_listed_as_disabled_and_adds_no_page()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Plugins:TeamViewer:Enabled"] = "false" });
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var page = await admin.GetStringAsync("/Staff/Admin/Plugins");

        Assert.Matches(@"data-plugin=""Support.Plugins.TeamViewer""[\s\S]*?>Disabled</span>", page);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Staff/Plugins/TeamViewer")).StatusCode);
    }
}
