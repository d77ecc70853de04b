using System.Globalization;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Support.Plugins.EmailIntake;

/// <summary>
/// The mailbox to poll, from the configuration section <c>Plugins:EmailIntake</c>: <c>Host</c>, <c>Port</c>,
/// <c>Security</c> (<c>SslOnConnect</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>None</c>, <c>Auto</c>),
/// <c>User</c>, <c>Password</c>, <c>Folder</c> (default <c>INBOX</c>), <c>PollInterval</c> (default one minute) and
/// <c>Language</c> (<c>fr</c> or <c>en</c>: the language of the emails sent to senders whose email does not say).
/// </summary>
public sealed record MailboxSettings(string? Host, int Port, SecureSocketOptions Security, string? User, string? Password, string Folder, TimeSpan PollInterval, string Language)
{
    /// <summary>Whether there is a mailbox to poll: without a host and a user the plugin only shows its settings page.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(User);

    public static MailboxSettings Read(IConfiguration configuration)
    {
        var security = Enum.TryParse<SecureSocketOptions>(configuration["Security"], ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.SslOnConnect;
        var port = int.TryParse(configuration["Port"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
            ? p
            : security == SecureSocketOptions.SslOnConnect ? 993 : 143;
        var interval = TimeSpan.TryParse(configuration["PollInterval"], CultureInfo.InvariantCulture, out var i) && i > TimeSpan.Zero ? i : TimeSpan.FromMinutes(1);
        var folder = string.IsNullOrWhiteSpace(configuration["Folder"]) ? "INBOX" : configuration["Folder"]!;
        return new MailboxSettings(configuration["Host"], port, security, configuration["User"], configuration["Password"], folder, interval, configuration["Language"] == "en" ? "en" : "fr");
    }

    /// <summary>Never shown, never logged.</summary>
    public override string ToString() => $"{User}@{Host}:{Port}/{Folder}";
}
