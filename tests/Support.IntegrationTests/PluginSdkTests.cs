using System.Net;
using Support.Host.Identity;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests;

/// <summary>
/// What the SDK offers a plugin beyond intake, through the test plugin tests/Support.Plugins.SdkSample loaded from its
/// folder: a field on the staff ticket form, an admin-only page and menu entry, editable settings, the host version
/// check, and failures at each extension point isolated and reported.
/// </summary>
public sealed class PluginSdkTests
{
    private static string PluginsFolder(params string[] testPlugins)
    {
        var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
        foreach (var plugin in testPlugins)
        {
            PluginTests.HostWithBrokenPlugins.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "test-plugins", plugin), Path.Combine(plugins, plugin));
        }

        return plugins;
    }

    private static SupportHostFactory StartHost(string? throwAt = null, string? plugins = null, string? dataFolder = null) =>
        new(dataFolder, new Dictionary<string, string?>
        {
            ["Plugins:Path"] = plugins ?? PluginsFolder("Support.Plugins.SdkSample", "Support.Plugins.NewerHostSample"),
            ["Plugins:SdkSample:Throw"] = throwAt,
        });

    [Fact]
    public async Task A_plugin_needing_a_newer_host_is_refused_and_reported()
    {
        await using var host = StartHost();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Staff/Admin/Plugins"));

        Assert.Matches(@"data-plugin=""Support.Plugins.NewerHostSample""[\s\S]*?>Failed</span>[\s\S]*?The plugin needs host version 99\.0 or later; this host is 1\.0\.0\.", page);
        Assert.Matches(@"data-plugin=""Support.Plugins.SdkSample""[\s\S]*?>Loaded</span>", page);
        Assert.Contains(host.Logs, l => l.Contains("Plugin folder Support.Plugins.NewerHostSample failed to load: The plugin needs host version 99.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agents_enter_a_plugin_field_on_the_staff_ticket_form_checked_by_the_plugin()
    {
        await using var host = StartHost();
        var number = await OpenTicketAsync(host);
        await StaffIdentityTests.CreateStaffAsync(host, "agent@support.test", "agent-password-123", StaffRoles.Agent);
        using var agent = await StaffSession.SignInAsync(host, "agent@support.test", "agent-password-123", "en");
        var ticketPage = $"/Staff/Tickets/{number}";

        var form = await agent.GetStringAsync(ticketPage);
        Assert.Contains("Asset tag", form, StringComparison.Ordinal);
        Assert.Contains("AT- and 4 digits, on the label under the computer.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Asset tag", await agent.GetStringAsync("/tickets/new"), StringComparison.Ordinal);

        var refused = await agent.SubmitAsync(ticketPage, new Dictionary<string, string> { ["Fields[sdksample-asset-tag]"] = "AT-12" }, $"{ticketPage}?handler=Fields");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("An asset tag reads AT-1234.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("captured-fields", await agent.GetStringAsync(ticketPage), StringComparison.Ordinal);

        var saved = await agent.SubmitAsync(ticketPage, new Dictionary<string, string> { ["Fields[sdksample-asset-tag]"] = " at-1234 " }, $"{ticketPage}?handler=Fields");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = Text(await agent.GetStringAsync(ticketPage));
        Assert.Contains("The fields have been saved.", page, StringComparison.Ordinal);
        Assert.Matches(@"Asset tag\s+AT-1234", page);
        Assert.Contains("sdksample-asset-tag: — → AT-1234", page, StringComparison.Ordinal);

        await agent.SubmitAsync(ticketPage, new Dictionary<string, string> { ["Fields[sdksample-asset-tag]"] = "" }, $"{ticketPage}?handler=Fields");
        Assert.DoesNotContain("captured-fields", await agent.GetStringAsync(ticketPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_only_plugin_page_and_its_menu_entry_are_for_admins_only()
    {
        await using var host = StartHost();
        await StaffIdentityTests.CreateStaffAsync(host, "agent@support.test", "agent-password-123", StaffRoles.Agent);
        using var agent = await StaffSession.SignInAsync(host, "agent@support.test", "agent-password-123", "en");
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        Assert.DoesNotContain("/Staff/Plugins/SdkSample/Admin", await agent.GetStringAsync("/Staff"), StringComparison.Ordinal);
        var denied = await agent.GetAsync("/Staff/Plugins/SdkSample/Admin");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Staff/AccessDenied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.Matches(@"dropdown-item"" href=""/Staff/Plugins/SdkSample/Admin"">Sample settings</a>", await admin.GetStringAsync("/Staff"));
        Assert.Contains("(no greeting)", await admin.GetStringAsync("/Staff/Plugins/SdkSample/Admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugin_settings_are_checked_saved_applied_at_once_and_enabling_applies_at_the_next_start()
    {
        var plugins = PluginsFolder("Support.Plugins.SdkSample");
        var data = SupportHostFactory.CreateTemporaryFolder("data");
        await using (var host = StartHost(plugins: plugins, dataFolder: data))
        {
            using var admin = await StaffSession.SignInAsync(host, language: "en");
            const string settings = "/Staff/Admin/PluginSettings/SdkSample";
            Assert.Contains("Shown on the sample&#x27;s admin page.", await admin.GetStringAsync(settings), StringComparison.Ordinal);

            var missing = await admin.SubmitAsync(settings, new Dictionary<string, string> { ["Enabled"] = "true", ["Values[Greeting]"] = " ", ["Values[Limit]"] = "ten" });
            var missingPage = await missing.Content.ReadAsStringAsync();
            Assert.Contains("Greeting is required.", missingPage, StringComparison.Ordinal);
            Assert.Contains("Limit must be a whole number.", missingPage, StringComparison.Ordinal);
            var markup = await admin.SubmitAsync(settings, new Dictionary<string, string> { ["Enabled"] = "true", ["Values[Greeting]"] = "<b>Hi</b>" });
            Assert.Contains("A greeting has no markup.", await markup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "plugin-settings.json")));

            var saved = await admin.SubmitAsync(settings, new Dictionary<string, string> { ["Enabled"] = "true", ["Values[Greeting]"] = "Welcome back", ["Values[ApiKey]"] = "s3cret-key", ["Values[Limit]"] = "10" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var after = WebUtility.HtmlDecode(await admin.GetStringAsync(saved.Headers.Location!.OriginalString));
            Assert.Contains("The settings are saved. These settings take effect at the next start: Limit.", after, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-key", after, StringComparison.Ordinal);
            Assert.Contains("A value is set; leave empty to keep it.", after, StringComparison.Ordinal);
            Assert.Contains("Welcome back", await admin.GetStringAsync("/Staff/Plugins/SdkSample/Admin"), StringComparison.Ordinal);

            var disabled = await admin.SubmitAsync(settings, new Dictionary<string, string> { ["Enabled"] = "false", ["Values[Greeting]"] = "Welcome back", ["Values[ApiKey]"] = "", ["Values[Limit]"] = "10" });
            Assert.Contains("The plugin will be disabled at the next start of the host.", await admin.GetStringAsync(disabled.Headers.Location!.OriginalString), StringComparison.Ordinal);
            Assert.Contains("\"Plugins:SdkSample:ApiKey\": \"s3cret-key\"", await File.ReadAllTextAsync(Path.Combine(data, "plugin-settings.json")), StringComparison.Ordinal);
        }

        await using var restarted = StartHost(plugins: plugins, dataFolder: data);
        using var again = await StaffSession.SignInAsync(restarted, language: "en");
        Assert.Matches(@"data-plugin=""Support.Plugins.SdkSample""[\s\S]*?>Disabled</span>", await again.GetStringAsync("/Staff/Admin/Plugins"));
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync("/Staff/Plugins/SdkSample/Admin")).StatusCode);
    }

    [Fact]
    public async Task A_plugin_that_throws_at_each_extension_point_is_isolated_and_reported_on_the_plugins_page()
    {
        await using var host = StartHost(throwAt: "field,navigation,page,settings");
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        // The portal form: an empty broken field is not asked anything; a value is refused with a message, not a crash.
        var refused = await StaffSession.Anonymous(host, "en").SubmitMultipartAsync("/tickets/new", NewTicketForm(f => f["Input.Fields[sdksample-broken]"] = "x"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Broken field could not be checked (a plugin error, reported to the administrator); leave it empty or try again later.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var number = await OpenTicketAsync(host);

        // The staff console still renders (menu without the broken entries), and so does the ticket page.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Staff")).StatusCode);
        var ticketPage = $"/Staff/Tickets/{number}";
        var fields = await admin.SubmitAsync(ticketPage, new Dictionary<string, string> { ["Fields[sdksample-broken]"] = "y", ["Fields[sdksample-asset-tag]"] = "AT-1234" }, $"{ticketPage}?handler=Fields");
        Assert.Contains("Broken field could not be checked", WebUtility.HtmlDecode(await fields.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.InternalServerError, (await admin.GetAsync("/Staff/Plugins/SdkSample/Admin")).StatusCode);
        var settings = WebUtility.HtmlDecode(await admin.GetStringAsync("/Staff/Admin/PluginSettings/SdkSample"));
        Assert.Contains("The plugin could not give its settings (the error is shown on the plugins page); only enabling and disabling it is offered.", settings, StringComparison.Ordinal);
        var disabled = await admin.SubmitAsync("/Staff/Admin/PluginSettings/SdkSample", new Dictionary<string, string> { ["Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("The plugin will be disabled at the next start of the host.", await admin.GetStringAsync(disabled.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Staff/Admin/Plugins"));
        Assert.Matches(@"data-plugin=""Support.Plugins.SdkSample""[\s\S]*?>Loaded</span>", page);
        Assert.Matches(@"FieldValidation · \d+ time\(s\), last at [^·]+ · InvalidOperationException: The\ sample\ field's\ validation\ failed\.", Text(page));
        Assert.Matches(@"Navigation · \d+ time\(s\), last at [^·]+ · InvalidOperationException: The\ sample\ menu\ failed\.", Text(page));
        Assert.Matches(@"Page · \d+ time\(s\), last at [^·]+ · InvalidOperationException: The\ sample\ page\ failed\.", Text(page));
        Assert.Matches(@"Settings · \d+ time\(s\), last at [^·]+ · InvalidOperationException: The\ sample\ settings\ failed\.", Text(page));
        Assert.Contains(host.Logs, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Plugin SDK sample failed (Page)", StringComparison.Ordinal));
    }
}
