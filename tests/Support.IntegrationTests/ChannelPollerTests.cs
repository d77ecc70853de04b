using System.Diagnostics;
using System.Text.Json;
using Support.Testing;

namespace Support.IntegrationTests;

/// <summary>
/// The host runs plugins' pollers: the test plugin tests/Support.Plugins.IntakeSample, loaded from a plugins
/// folder, takes tickets in from a drop folder, and carries a poller that always throws.
/// </summary>
public sealed class ChannelPollerTests
{
    [Fact]
    public async Task A_plugin_poller_opens_tickets_while_a_failing_one_is_isolated_and_reported()
    {
        var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
        PluginTests.HostWithBrokenPlugins.CopyDirectory(
            Path.Combine(AppContext.BaseDirectory, "test-plugins", "Support.Plugins.IntakeSample"),
            Path.Combine(plugins, "Support.Plugins.IntakeSample"));
        var drop = SupportHostFactory.CreateTemporaryFolder("drop");
        var host = new SupportHostFactory(settings: new Dictionary<string, string?>
        {
            ["Plugins:Path"] = plugins,
            ["Plugins:IntakeSample:DropFolder"] = drop,
            ["Plugins:IntakeSample:Failing"] = "true",
        });
        try
        {
            using var admin = await StaffSession.SignInAsync(host, language: "en");
            await File.WriteAllTextAsync(Path.Combine(drop, "1.json"), JsonSerializer.Serialize(new
            {
                email = "lucie@initech.test",
                name = "Lucie Bernard",
                subject = "VPN refuses my password",
                body = "<p>Since the update the VPN client says access denied.</p>",
                externalId = "drop-1",
            }));

            var outcome = await Eventually.WaitForAsync(
                () => Task.FromResult(File.Exists(Path.Combine(drop, "1.result")) ? File.ReadAllText(Path.Combine(drop, "1.result")) : ""),
                text => text.Length > 0,
                "the drop folder poller's answer");
            Assert.Matches(@"^\d{6} new$", outcome);
            var queue = await admin.GetStringAsync("/Staff/Tickets");
            Assert.Contains("VPN refuses my password", queue, StringComparison.Ordinal);
            await new PickupMailbox(host).WaitForAsync("lucie@initech.test", $"[#{outcome[..6]}]");

            var page = await Eventually.WaitForAsync(
                () => admin.GetStringAsync("/Staff/Admin/Plugins"),
                p => p.Contains("data-poller=\"UnreachablePoller\"", StringComparison.Ordinal) && p.Contains("The sample channel&#x27;s server is unreachable.", StringComparison.Ordinal),
                "the failing poller on the plugins page");
            Assert.Matches(@"data-poller=""UnreachablePoller""[\s\S]*?Failing[\s\S]*?InvalidOperationException: The sample channel&#x27;s server is unreachable\.", page);
            Assert.Matches(@"data-poller=""DropFolderPoller""[\s\S]*?>OK</span>", page);
            Assert.Contains(host.Logs, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Poller UnreachablePoller of plugin Intake sample failed", StringComparison.Ordinal));
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            await host.DisposeAsync();
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"The host took {stopping.Elapsed} to stop.");
        }
    }
}
