using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Support.Testing;

namespace Support.IntegrationTests;

/// <summary>
/// The <c>dotnet new support-channel</c> template (templates/Support.Plugins.ChannelTemplate), used as an integrator
/// outside the repository would: installed, instantiated in a temporary folder, published against the host's
/// Support.Plugins.Abstractions.dll, and loaded by the host from the published folder, where its poller takes a
/// ticket in.
/// </summary>
public sealed class ChannelTemplateTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_plugin_made_from_the_channel_template_builds_loads_and_opens_tickets()
    {
        var work = SupportHostFactory.CreateTemporaryFolder("template");
        var hive = Path.Combine(work, "hive");
        var source = Path.Combine(work, "src", "Support.Plugins.Acme");
        var plugins = Path.Combine(work, "plugins");
        var template = Path.Combine(RepositoryRoot(), "templates", "Support.Plugins.ChannelTemplate");

        await DotnetAsync(work, "new", "install", template, "--debug:custom-hive", hive);
        await DotnetAsync(work, "new", "support-channel", "-n", "Support.Plugins.Acme", "--channelId", "Acme", "--hostPath", AppContext.BaseDirectory, "-o", source, "--debug:custom-hive", hive);
        await DotnetAsync(work, "publish", source, "-c", "Release", "-o", Path.Combine(plugins, "Support.Plugins.Acme"), "--disable-build-servers", "-nodeReuse:false");
        Assert.False(File.Exists(Path.Combine(plugins, "Support.Plugins.Acme", "Support.Plugins.Abstractions.dll")));

        var drop = SupportHostFactory.CreateTemporaryFolder("drop");
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Plugins:Path"] = plugins });
        using var admin = await StaffSession.SignInAsync(host, language: "en");
        Assert.Matches(@"data-plugin=""Support.Plugins.Acme""[\s\S]*?<td>0\.1\.0</td>[\s\S]*?>Loaded</span>", await admin.GetStringAsync("/Staff/Admin/Plugins"));
        Assert.Contains("href=\"/Staff/Plugins/Acme\"", await admin.GetStringAsync("/Staff"), StringComparison.Ordinal);

        var refused = await admin.SubmitAsync("/Staff/Admin/PluginSettings/Acme", new Dictionary<string, string> { ["Enabled"] = "true", ["Values[DropFolder]"] = "relative/folder", ["Values[PollSeconds]"] = "1" });
        Assert.Contains("Give the absolute path of an existing folder.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await admin.SubmitAsync("/Staff/Admin/PluginSettings/Acme", new Dictionary<string, string> { ["Enabled"] = "true", ["Values[DropFolder]"] = drop, ["Values[PollSeconds]"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Saving woke the poller, which was waiting the default minute: it polls now, with the new settings.

        await File.WriteAllTextAsync(Path.Combine(drop, "1.json"), JsonSerializer.Serialize(new
        {
            id = "acme-1",
            email = "paul@globex.test",
            name = "Paul Martin",
            subject = "The label printer jams",
            body = "<p>Every third label jams.</p>",
        }));
        await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(drop, "done", "1.json"))), done => done, "the template's poller to take the file in");
        Assert.Contains("The label printer jams", await admin.GetStringAsync("/Staff/Tickets"), StringComparison.Ordinal);
        Assert.Matches(@"Tickets opened</dt>\s*<dd class=""col-6"">1</dd>", await admin.GetStringAsync("/Staff/Plugins/Acme"));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Support.Modular.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Support.Modular.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static async Task DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Outside the repository: none of its Directory.Build.props or central package versions apply, as for an integrator.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}
