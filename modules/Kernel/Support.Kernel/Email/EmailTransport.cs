using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Support.Kernel.Persistence;

namespace Support.Kernel.Email;

/// <summary>Hands a message to the outside world.</summary>
internal interface IEmailTransport
{
    string Description { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Called after each batch: a transport that keeps a connection from one message to the next closes it.</summary>
    Task EndBatchAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Sends through an SMTP relay with MailKit, over one connection per batch: connecting, greeting and
/// authenticating for every message cost the relay and the sender a round trip each, and relays limit how
/// many connections a client opens. A message that fails drops the connection; the next one opens another.
/// Used by the host's one sender loop; the lock only guards against a second caller.
/// </summary>
internal sealed class SmtpEmailTransport : IEmailTransport, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SmtpClient? _client;

    public SmtpEmailTransport(IOptions<EmailOptions> options) => _options = options.Value.Smtp;

    public string Description => $"SMTP {_options.Host}:{_options.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var client = _client is { IsConnected: true } connected ? connected : await ConnectAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            Drop();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task EndBatchAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_client is { IsConnected: true } client)
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException)
        {
            // The relay had accepted every message already; a connection that does not close cleanly is simply dropped.
        }
        finally
        {
            Drop();
            _lock.Release();
        }
    }

    public void Dispose()
    {
        Drop();
        _lock.Dispose();
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        Drop();
        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        _client = client;
        var security = Enum.TryParse<SecureSocketOptions>(_options.Security, ignoreCase: true, out var parsed)
            ? parsed
            : SecureSocketOptions.Auto;
        await client.ConnectAsync(_options.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }

        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }
}

/// <summary>
/// Writes each message as an <c>.eml</c> file, so a fresh install works without a mail server. The file is written
/// under a temporary name and then renamed, so that whatever picks the folder up never reads half a message.
/// </summary>
internal sealed class PickupFolderEmailTransport : IEmailTransport
{
    private readonly string _folder;

    public PickupFolderEmailTransport(IOptions<EmailOptions> options, DataFolder dataFolder)
    {
        _folder = dataFolder.Resolve(options.Value.PickupFolder);
    }

    public string Description => $"pickup folder {_folder}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await message.WriteToAsync(content, cancellationToken);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(_folder, name + ".tmp");
        try
        {
            Write(temporary, content);
        }
        catch (DirectoryNotFoundException)
        {
            // First message, or the folder was removed meanwhile; not looked up for every message.
            Directory.CreateDirectory(_folder);
            Write(temporary, content);
        }

        // The name is new (a fresh id): "overwrite" only spares the look-up of a file that cannot exist.
        File.Move(temporary, Path.Combine(_folder, name), overwrite: true);
    }

    /// <summary>
    /// One write of the whole message to a new file. Created, not truncated: .NET truncates a file opened with
    /// <see cref="FileMode.Create"/>, and on ext4 a truncated file is written out to the disk when it is closed,
    /// which made each message's close wait for the block device (most of the sender's time under load).
    /// </summary>
    private static void Write(string path, MemoryStream content)
    {
        using var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 });
        file.Write(content.GetBuffer(), 0, (int)content.Length);
    }
}

/// <summary>Says where outgoing mail goes (an SMTP relay or the pickup folder), for the message-tracking page.</summary>
public sealed record EmailTransportDescription(string Value);
