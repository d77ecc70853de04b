using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;

namespace Support.Kernel.Email;

/// <summary>Sends queued email in the background, retrying failures with back-off.</summary>
internal sealed partial class EmailSender : PollingWorker
{
    /// <summary>
    /// Messages claimed and saved together. Each pass takes the write lock twice (claim, then outcome) and waits
    /// for its commit: while the portal is busy each of those waits behind the requests' writes, so small
    /// batches let the queue of mail grow during a burst of new tickets (two messages each).
    /// </summary>
    private const int BatchSize = 100;

    /// <summary>Messages to hand over now that no pass of any host holds: what a pass looks for and what it claims.</summary>
    private static Expression<Func<EmailMessage, bool>> DueAndUnclaimed(DateTime now) =>
        m => m.Status == EmailStatus.Queued && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now);

    private readonly IServiceScopeFactory _scopes;
    private readonly IEmailTransport _transport;
    private readonly TimeProvider _clock;
    private readonly EmailOptions _options;
    private readonly ILogger<EmailSender> _logger;

    public EmailSender(
        IServiceScopeFactory scopes,
        IEmailTransport transport,
        EmailSignal signal,
        TimeProvider clock,
        IOptions<EmailOptions> options,
        ILogger<EmailSender> logger)
        : base(signal, clock, logger)
    {
        _scopes = scopes;
        _transport = transport;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    protected override TimeSpan PollInterval => _options.PollInterval;

    protected override void OnStarting() => LogTransport(_transport.Description);

    protected override Task<int> RunPassAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var now = _clock.GetUtcNow().UtcDateTime;

        // Nothing due: a read, no write lock.
        if (!await db.EmailMessages.AnyAsync(DueAndUnclaimed(now), cancellationToken))
        {
            return 0;
        }

        // Claim a batch, so that another host sharing the database does not hand the same messages over too.
        // The claim joins the write group like any unit of work; only the claimed messages are read back.
        // The batch is found through the (Status, Id) index in the order queued and read back by id, so that a
        // backlog of queued messages costs each pass a few index pages, not a sort or a scan of the whole backlog.
        var claim = Guid.NewGuid().ToString("N");
        await unitOfWork.BeginAsync(cancellationToken);
        var ids = await db.EmailMessages
            .Where(DueAndUnclaimed(now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        await db.EmailMessages
            .Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, now + _options.ClaimLease), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        var due = await db.EmailMessages.Include(m => m.Attachments).Where(m => ids.Contains(m.Id) && m.ClaimedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        // One save for the batch: a transaction (and its disk flush) per message would make sending
        // compete with the requests for SQLite's single writer. If the host stops half-way, the
        // messages already handed over are still recorded (the finally block); only a crash can make
        // a batch be sent twice (its claim runs out and another pass takes it).
        try
        {
            var tried = 0;
            foreach (var message in due)
            {
                // A slow relay (each message bounded by the SMTP timeout) must not outlast the claim: the rest of
                // the batch is let go for the next pass rather than risk another host sending it too.
                if (tried++ > 0 && _clock.GetUtcNow().UtcDateTime - now > _options.ClaimLease / 2)
                {
                    break;
                }

                try
                {
                    await _transport.SendAsync(ToMime(message), cancellationToken);
                    message.MarkSent(_clock.GetUtcNow().UtcDateTime);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var delay = RetrySchedule.DelayAfter(message.Attempts + 1, _options.RetryBaseDelay, _options.RetryMaxDelay);
                    message.MarkAttemptFailed(exception.Message, _clock.GetUtcNow().UtcDateTime, delay, _options.MaxAttempts);
                    LogSendFailed(message.Id, message.Attempts, exception.Message);
                }
            }
        }
        finally
        {
            // Messages not tried (the host is stopping) are let go at once rather than when the claim runs out.
            foreach (var message in due.Where(m => m.ClaimedBy == claim))
            {
                message.ReleaseClaim();
            }

            // Through the scope's unit of work, so that the save joins the open write group; an empty pass
            // writes nothing and does not queue for the write lock at all.
            await unitOfWork.CommitAsync(CancellationToken.None);
        }

        return due.Count;
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage { MessageId = message.MessageId, Subject = message.Subject };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments.OrderBy(a => a.Id))
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outgoing email goes through {Transport}")]
    private partial void LogTransport(string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} failed on attempt {Attempt}: {Error}")]
    private partial void LogSendFailed(long messageId, int attempt, string error);
}
