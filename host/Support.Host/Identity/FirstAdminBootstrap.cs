using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Support.Host.Identity;

/// <summary>
/// Creates the roles, and the first admin when there is no staff account at all: with the
/// credentials from <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c>, or a generated
/// password written once to the console log. Once any account exists it never runs again.
/// </summary>
internal sealed partial class FirstAdminBootstrap
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private readonly UserManager<StaffUser> _users;
    private readonly RoleManager<IdentityRole> _roles;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _clock;
    private readonly ILogger<FirstAdminBootstrap> _logger;

    public FirstAdminBootstrap(
        UserManager<StaffUser> users,
        RoleManager<IdentityRole> roles,
        IConfiguration configuration,
        TimeProvider clock,
        ILogger<FirstAdminBootstrap> logger)
    {
        _users = users;
        _roles = roles;
        _configuration = configuration;
        _clock = clock;
        _logger = logger;
    }

    public async Task RunAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await _roles.RoleExistsAsync(role))
            {
                await _roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await _users.Users.AnyAsync())
        {
            return;
        }

        var email = _configuration["Bootstrap:AdminEmail"] is { Length: > 0 } configuredEmail ? configuredEmail : "admin@support.local";
        var configuredPassword = _configuration["Bootstrap:AdminPassword"];
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
        var admin = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAtUtc = _clock.GetUtcNow().UtcDateTime,
        };

        var created = await _users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "The first admin could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await _users.AddToRolesAsync(admin, StaffRoles.All);
        if (string.IsNullOrEmpty(configuredPassword))
        {
            LogGeneratedPassword(email, password);
        }
        else
        {
            LogConfiguredAdmin(email);
        }
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString(PasswordAlphabet, 20) + "-" + RandomNumberGenerator.GetString("0123456789", 2);

    [LoggerMessage(Level = LogLevel.Warning, Message = """

        ============================================================
         First admin account created. Sign in at /Staff/Login with
           email:    {Email}
           password: {Password}
         This password is shown once. Change it after signing in.
        ============================================================
        """)]
    private partial void LogGeneratedPassword(string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "First admin account {Email} created from Bootstrap:AdminEmail and Bootstrap:AdminPassword")]
    private partial void LogConfiguredAdmin(string email);
}
