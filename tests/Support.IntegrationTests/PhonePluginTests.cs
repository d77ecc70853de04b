using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Support.Host.Identity;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests;

/// <summary>The phone plugin, loaded from its folder: agents log calls that open tickets or join them, with their time.</summary>
public sealed partial class PhonePluginTests
{
    private const string Page = "/Staff/Plugins/Phone";

    // A Saturday night: only the Critical and Serious policies (24/7) run now.
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    private static (SupportHostFactory Host, ManualClock Clock) StartHost(IDictionary<string, string?>? settings = null)
    {
        var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
        PluginTests.HostWithBrokenPlugins.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "plugins", "Support.Plugins.Phone"), Path.Combine(plugins, "Support.Plugins.Phone"));
        var all = new Dictionary<string, string?> { ["Plugins:Path"] = plugins, ["Plugins:Phone:TimeZone"] = "UTC" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var clock = new ManualClock(Now);
        return (new SupportHostFactory(settings: all).WithServices(s => s.AddSingleton<TimeProvider>(clock)), clock);
    }

    private static Dictionary<string, string> Call(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Call.CallId"] = Guid.NewGuid().ToString("N"),
            ["Call.Direction"] = "Inbound",
            ["Call.CallerName"] = "Marc Dupont",
            ["Call.Company"] = "Initech",
            ["Call.PhoneNumber"] = "+33 1 23 45 67 89",
            ["Call.Email"] = "marc.dupont@initech.test",
            ["Call.TicketNumber"] = "",
            ["Call.Subject"] = "The ERP server is down",
            ["Call.StartedAt"] = "2026-12-05T21:48",
            ["Call.DurationMinutes"] = "12",
            ["Call.Severity"] = "",
            ["Call.Language"] = "en",
            ["Call.Notes"] = "No one can sign in to the ERP since 21:30.\n\nThe server room has power.",
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>Posts the call form and follows the redirect; the page the agent sees next.</summary>
    private static async Task<string> LogAsync(StaffSession agent, Dictionary<string, string> form)
    {
        var response = await agent.SubmitAsync(Page, form);
        return response.StatusCode == HttpStatusCode.Redirect
            ? await agent.GetStringAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();
    }

    private static string Flat(string html) => Spaces().Replace(Text(html), " ");

    [Fact]
    public async Task A_call_logged_as_critical_opens_a_ticket_under_the_critical_sla_with_the_call_as_time_spent()
    {
        var (host, _) = StartHost();
        await using var _ = host;
        await StaffIdentityTests.CreateStaffAsync(host, "agent@support.test", "agent-password-123", StaffRoles.Agent);
        using var agent = await StaffSession.SignInAsync(host, "agent@support.test", "agent-password-123", "en");

        Assert.Contains("href=\"/Staff/Plugins/Phone\"", await agent.GetStringAsync("/Staff"), StringComparison.Ordinal);
        var logged = Flat(await LogAsync(agent, Call(f => f["Call.Severity"] = "Critical")));

        var number = Regex.Match(logged, @"Call logged: ticket #(\d{6}) opened, 12 min recorded\.").Groups[1].Value;
        Assert.NotEmpty(number);
        var ticket = Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("Severity: Critical", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet classified", ticket, StringComparison.Ordinal);
        Assert.Matches(@"First response due [^·]+ · 1 h 00 min left", ticket);
        Assert.Contains("via Phone", ticket, StringComparison.Ordinal);
        Assert.Contains("Inbound call from Marc Dupont (Initech), +33 1 23 45 67 89, on 2026-12-05 21:48 (UTC), 12 min.", ticket, StringComparison.Ordinal);
        Assert.Contains("No one can sign in to the ERP since 21:30.", ticket, StringComparison.Ordinal);
        Assert.Contains("agent@support.test · 12 min · billable time · Inbound call from Marc Dupont (+33 1 23 45 67 89)", ticket, StringComparison.Ordinal);
        Assert.Contains($"[#{number}]", (await new PickupMailbox(host).WaitForAsync("marc.dupont@initech.test", $"[#{number}]")).Single().Subject, StringComparison.Ordinal);
        Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, "SITUATION CRITIQUE"));
    }

    [Fact]
    public async Task A_call_about_an_existing_ticket_joins_it_as_an_internal_note_raises_its_severity_and_adds_its_time()
    {
        var (host, _) = StartHost();
        await using var _ = host;
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var first = Flat(await LogAsync(agent, Call()));
        var number = Regex.Match(first, @"ticket #(\d{6}) opened").Groups[1].Value;
        Assert.Contains("Severity: Normal", Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}")), StringComparison.Ordinal);

        var second = Flat(await LogAsync(agent, Call(f =>
        {
            f["Call.TicketNumber"] = "#" + number;
            f["Call.Email"] = "";
            f["Call.Subject"] = "";
            f["Call.Direction"] = "Outbound";
            f["Call.DurationMinutes"] = "7";
            f["Call.Severity"] = "Serious";
            f["Call.Notes"] = "Called back: the database disk is full; production is slowed down.";
        })));

        Assert.Contains($"Call logged on ticket #{number}, 7 min recorded.", second, StringComparison.Ordinal);
        var ticket = Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("Severity: Serious", ticket, StringComparison.Ordinal);
        Assert.Contains("Outbound call to Marc Dupont (Initech), +33 1 23 45 67 89, on 2026-12-05 21:48 (UTC), 7 min.", ticket, StringComparison.Ordinal);
        Assert.Contains("Total: 19 min", ticket, StringComparison.Ordinal);
        Assert.Equal(1, await TicketCountAsync(host));
        Assert.Equal("InternalNote", await QueryAsync(host, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Tickets.SelectMany(t => t.Thread).Where(e => e.BodyText.Contains("Called back")).Select(e => e.Kind.ToString()))));
    }

    [Theory]
    [InlineData("Call.Email", "", "The caller's email is required to open a ticket")]
    [InlineData("Call.Email", "marc@", "Enter a valid email address, e.g. name@company.com.")]
    [InlineData("Call.PhoneNumber", "call me", "Enter a phone number of 6 to 20 digits")]
    [InlineData("Call.DurationMinutes", "0", "Enter the duration in minutes, from 1 to 1440.")]
    [InlineData("Call.DurationMinutes", "twelve", "Enter the duration in minutes, from 1 to 1440.")]
    [InlineData("Call.StartedAt", "2026-12-06T09:00", "A call cannot start in the future.")]
    [InlineData("Call.Notes", " ", "Write down what was said: the notes are required.")]
    [InlineData("Call.Severity", "Apocalyptic", "Choose a severity from the list.")]
    [InlineData("Call.TicketNumber", "12", "A ticket number has 6 to 9 digits, for example 983177.")]
    [InlineData("Call.TicketNumber", "999999", "No ticket has the number 999999.")]
    public async Task Bad_call_input_is_refused_with_a_message_and_nothing_is_recorded(string field, string value, string message)
    {
        var (host, _) = StartHost();
        await using var _ = host;
        using var agent = await StaffSession.SignInAsync(host, language: "en");

        var response = await agent.SubmitAsync(Page, Call(f => f[field] = value));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("value=\"Marc Dupont\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await TicketCountAsync(host));
        Assert.Equal(0, await QueryAsync(host, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.TimeEntries)));
    }

    [Fact]
    public async Task The_same_call_form_submitted_twice_is_logged_once()
    {
        var (host, _) = StartHost();
        await using var _ = host;
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var form = Call();

        var first = Flat(await LogAsync(agent, form));
        var second = Flat(await LogAsync(agent, form));

        var number = Regex.Match(first, @"ticket #(\d{6}) opened").Groups[1].Value;
        Assert.Contains($"Call logged on ticket #{number}", second, StringComparison.Ordinal);
        Assert.Equal(1, await TicketCountAsync(host));
        Assert.Equal(1, await QueryAsync(host, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.TimeEntries)));
    }

    [Fact]
    public async Task The_billing_increment_set_on_the_settings_page_applies_to_the_next_call_without_a_restart()
    {
        var (host, _) = StartHost();
        await using var _ = host;
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var refused = await admin.SubmitAsync("/Staff/Admin/PluginSettings/Phone", new Dictionary<string, string> { ["Enabled"] = "true", ["Values[TimeZone]"] = "Mars/Olympus", ["Values[BillingIncrementMinutes]"] = "90" });
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("\"Mars/Olympus\" is not a known time zone; use an IANA id such as Europe/Paris.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("The billing increment is from 1 to 60 minutes.", refusedPage, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.DataFolder, "plugin-settings.json")));

        var saved = await admin.SubmitAsync("/Staff/Admin/PluginSettings/Phone", new Dictionary<string, string> { ["Enabled"] = "true", ["Values[TimeZone]"] = "UTC", ["Values[BillingIncrementMinutes]"] = "15" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The settings are saved.", await admin.GetStringAsync(saved.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var logged = Flat(await LogAsync(admin, Call()));
        Assert.Contains("opened, 15 min recorded.", logged, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
