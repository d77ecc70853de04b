using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Support.Host.Identity;
using Support.Testing;

namespace Support.IntegrationTests;

public sealed class StaffIdentityTests
{
    internal static async Task CreateStaffAsync(SupportHostFactory host, string email, string password, params string[] roles)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }
    }

    [Fact]
    public async Task First_admin_from_configuration_signs_in_and_out()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var dashboard = await admin.GetStringAsync("/Staff");
        Assert.Contains(SupportHostFactory.AdminEmail, dashboard, StringComparison.Ordinal);
        Assert.Contains("/Staff/Admin/Plugins", dashboard, StringComparison.Ordinal);

        var signedOut = await admin.SubmitAsync("/Staff", new Dictionary<string, string>(), "/Staff/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var afterwards = await admin.GetAsync("/Staff");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Staff/Login", afterwards.Headers.Location?.PathAndQuery ?? afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_password_the_first_admin_gets_a_generated_one_logged_once()
    {
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("identity");
        var settings = new Dictionary<string, string?> { ["Bootstrap:AdminPassword"] = "" };
        string password;
        await using (var first = new SupportHostFactory(dataFolder, settings))
        {
            _ = first.Services;
            var announcement = Assert.Single(first.Logs, l => l.Contains("First admin account created", StringComparison.Ordinal));
            password = Regex.Match(announcement, @"password: (\S+)").Groups[1].Value;
            Assert.True(password.Length >= 20);
            using var admin = await StaffSession.SignInAsync(first, SupportHostFactory.AdminEmail, password);
        }

        await using var second = new SupportHostFactory(dataFolder, settings);
        _ = second.Services;
        Assert.DoesNotContain(second.Logs, l => l.Contains("First admin account created", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs, l => l.Contains(password, StringComparison.Ordinal));
        using var again = await StaffSession.SignInAsync(second, SupportHostFactory.AdminEmail, password);
    }

    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_the_sign_in_page()
    {
        await using var host = new SupportHostFactory();
        using var visitor = StaffSession.Anonymous(host);

        foreach (var page in new[] { "/Staff", "/Staff/Admin/Plugins", "/Staff/Admin/Messages", "/Staff/Plugins/TeamViewer" })
        {
            var response = await visitor.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Staff/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agent_works_in_the_console_but_is_refused_the_admin_pages()
    {
        await using var host = new SupportHostFactory();
        await CreateStaffAsync(host, "agent@support.test", "agent-password-123", StaffRoles.Agent);
        using var agent = await StaffSession.SignInAsync(host, "agent@support.test", "agent-password-123", "en");

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/Staff")).StatusCode);
        Assert.DoesNotContain("/Staff/Admin/Plugins", await agent.GetStringAsync("/Staff"), StringComparison.Ordinal);
        var admin = await agent.GetAsync("/Staff/Admin/Plugins");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/Staff/AccessDenied", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_once_the_account_changed_and_the_security_stamp_is_checked_again()
    {
        // Identity checks the stamp once ValidationInterval has passed since sign-in; zero means at once.
        await using var host = new SupportHostFactory().WithServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        await CreateStaffAsync(host, "leaver@support.test", "leaver-password-1", StaffRoles.Agent);
        using var agent = await StaffSession.SignInAsync(host, "leaver@support.test", "leaver-password-1", "en");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/Staff/Tickets")).StatusCode);

        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("leaver@support.test"))!);
        }

        var afterwards = await agent.GetAsync("/Staff/Tickets");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Staff/Login", afterwards.Headers.Location?.PathAndQuery ?? afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_without_a_staff_role_cannot_open_the_console()
    {
        await using var host = new SupportHostFactory();
        await CreateStaffAsync(host, "norole@support.test", "no-role-password-1");
        using var user = await StaffSession.SignInAsync(host, "norole@support.test", "no-role-password-1");

        var response = await user.GetAsync("/Staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Staff/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Identity:MaxFailedAccessAttempts"] = "3" });
        using var attacker = StaffSession.Anonymous(host, "en");
        var credentials = new Dictionary<string, string> { ["Email"] = SupportHostFactory.AdminEmail, ["Password"] = "wrong-password-000" };

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var refused = await attacker.SubmitAsync("/Staff/Login", credentials);
            Assert.Contains("The email or the password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await attacker.SubmitAsync("/Staff/Login", credentials);
        credentials["Password"] = SupportHostFactory.AdminPassword;
        var locked = await attacker.SubmitAsync("/Staff/Login", credentials);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("This account is locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["RateLimits:StaffLoginPerMinute"] = "4" });
        using var client = StaffSession.Anonymous(host, "en");
        var credentials = new Dictionary<string, string> { ["Email"] = "nobody@support.test", ["Password"] = "guessing-password" };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.SubmitAsync("/Staff/Login", credentials)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);
        var limited = await client.SubmitAsync("/Staff/Login", credentials);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Staff/Login")).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_an_agent_who_can_then_sign_in()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var created = await admin.SubmitAsync("/Staff/Admin/Staff", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Camille Agent",
            ["Input.Email"] = "camille@support.test",
            ["Input.Password"] = "camille-password-1",
            ["Input.Role"] = "Agent",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("camille@support.test", await admin.GetStringAsync("/Staff/Admin/Staff"), StringComparison.Ordinal);

        using var agent = await StaffSession.SignInAsync(host, "camille@support.test", "camille-password-1");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/Staff")).StatusCode);
    }

    [Fact]
    public async Task Too_short_password_for_a_new_account_is_refused_with_a_message()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var refused = await admin.SubmitAsync("/Staff/Admin/Staff", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Short",
            ["Input.Email"] = "short@support.test",
            ["Input.Password"] = "short",
            ["Input.Role"] = "Agent",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The password needs at least 12 characters.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("short@support.test", await admin.GetStringAsync("/Staff/Admin/Staff"), StringComparison.Ordinal);
    }
}

public sealed class PasswordChangeTests
{
    [Fact]
    public async Task Admin_replaces_the_bootstrap_password_and_only_the_new_one_works_afterwards()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var changed = await admin.SubmitAsync("/Staff/Account/Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = SupportHostFactory.AdminPassword,
            ["NewPassword"] = "a-brand-new-passphrase",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, changed.StatusCode);

        using var fresh = StaffSession.Anonymous(host, "en");
        var refused = await fresh.SubmitAsync("/Staff/Login", new Dictionary<string, string> { ["Email"] = SupportHostFactory.AdminEmail, ["Password"] = SupportHostFactory.AdminPassword });
        Assert.Contains("The email or the password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await StaffSession.SignInAsync(host, SupportHostFactory.AdminEmail, "a-brand-new-passphrase");
    }

    [Fact]
    public async Task Wrong_current_password_changes_nothing_and_says_so()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var refused = await admin.SubmitAsync("/Staff/Account/Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not-my-password-at-all",
            ["NewPassword"] = "a-brand-new-passphrase",
        });

        Assert.Contains("The current password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillWorks = await StaffSession.SignInAsync(host);
    }
}
