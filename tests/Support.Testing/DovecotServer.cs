using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Support.Testing;

/// <summary>
/// A real IMAP server on 127.0.0.1: Debian's Dovecot (<c>apt-get install dovecot-imapd</c>, done by
/// <c>.ci/run</c>), started as an unprivileged process with its own configuration, passwd file and Maildir
/// in a temporary folder, plaintext login allowed on the loopback only. When the tests run as root, Dovecot
/// runs as its own <c>dovecot</c> account (it refuses mail access as root). Tests deliver emails by IMAP
/// APPEND and read the folder's flags to see what the plugin acknowledged.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string User = "support";
    public const string Password = "imap-test-password";
    private const string DovecotPath = "/usr/sbin/dovecot";

    private readonly Process _process;

    private DovecotServer(string folder, int port, Process process)
    {
        Folder = folder;
        Port = port;
        _process = process;
    }

    public string Folder { get; }

    public int Port { get; }

    public string LogPath => Path.Combine(Folder, "dovecot.log");

    /// <summary>The settings the email intake plugin reads, for this server.</summary>
    public Dictionary<string, string?> PluginSettings(TimeSpan pollInterval) => new()
    {
        ["Plugins:EmailIntake:Host"] = "127.0.0.1",
        ["Plugins:EmailIntake:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Plugins:EmailIntake:Security"] = "None",
        ["Plugins:EmailIntake:User"] = User,
        ["Plugins:EmailIntake:Password"] = Password,
        ["Plugins:EmailIntake:Folder"] = "INBOX",
        ["Plugins:EmailIntake:PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
    };

    public static async Task<DovecotServer> StartAsync()
    {
        if (!File.Exists(DovecotPath))
        {
            throw new InvalidOperationException("Dovecot is not installed: apt-get install -y dovecot-imapd (.ci/run does it).");
        }

        var folder = SupportHostFactory.CreateTemporaryFolder("dovecot");
        var account = Environment.IsPrivilegedProcess ? "dovecot" : Environment.UserName;
        var port = SmtpTestServer.FreePort();
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        Directory.CreateDirectory(Path.Combine(folder, "state"));
        Directory.CreateDirectory(Path.Combine(folder, "home"));
        await File.WriteAllTextAsync(Path.Combine(folder, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{account}}
            default_internal_group = {{account}}
            default_login_user = {{account}}
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{account}} gid={{account}} home={{folder}}/home/%u
            }
            mail_location = maildir:~/Maildir
            service anvil {
              chroot =
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);

        ProcessStartInfo start;
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "-R", $"{account}:{account}", folder);
            start = new ProcessStartInfo("setpriv", ["--reuid=" + account, "--regid=" + account, "--clear-groups", DovecotPath, "-F", "-c", Path.Combine(folder, "dovecot.conf")]);
        }
        else
        {
            start = new ProcessStartInfo(DovecotPath, ["-F", "-c", Path.Combine(folder, "dovecot.conf")]);
        }

        var process = Process.Start(start)!;
        var server = new DovecotServer(folder, port, process);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Delivers an email into the inbox, unread, as a mail server would.</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>The inbox's emails in arrival order: each one's Message-ID and whether it is marked read.</summary>
    public async Task<IReadOnlyList<(string MessageId, bool Read)>> ReadStateAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var all = await client.Inbox.SearchAsync(SearchQuery.All);
        var summaries = all.Count == 0 ? [] : await client.Inbox.FetchAsync(all, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return [.. summaries.OrderBy(s => s.UniqueId.Id).Select(s => (s.Envelope?.MessageId ?? s.UniqueId.ToString(), s.Flags!.Value.HasFlag(MessageFlags.Seen)))];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets the master stop its children; this kills only the process the test started.
            await RunAsync("kill", "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "";
                throw new InvalidOperationException($"Dovecot exited with code {_process.ExitCode}: {log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}
