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
    /// Messages claimed and saved together. Each batch takes a write turn (its outcome with the next claim) and waits
    /// for its commit: while the portal is busy each turn waits behind the requests' writes, so small batches let
    /// the queue of mail grow during a burst of new tickets (two messages each).
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

    /// <summary>
    /// Sends the due messages, a claimed batch at a time, until none is left. Each batch's outcome is saved in the
    /// same write turn as the next batch's claim: under load a turn waits behind the requests' writes, and two turns
    /// per batch (one to claim, one to save) kept the sender behind a burst of new tickets.
    /// </summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        // Nothing due: a read, no write lock.
        if (!await db.EmailMessages.AnyAsync(DueAndUnclaimed(_clock.GetUtcNow().UtcDateTime), cancellationToken))
        {
            return 0;
        }

        await unitOfWork.BeginAsync(cancellationToken);
        var batch = await ClaimAsync(db, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        var attempted = 0;
        while (batch.Ids.Count > 0)
        {
            var due = await db.EmailMessages.Include(m => m.Attachments).Where(m => batch.Ids.Contains(m.Id) && m.ClaimedBy == batch.Claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            var next = ClaimedBatch.None;
            var completed = false;
            try
            {
                attempted += await SendAsync(due, batch.At, cancellationToken);
                completed = true;
            }
            finally
            {
                // One save for the batch, also when the host stops half-way (only a crash can send a batch twice);
                // messages not tried are let go at once rather than when their claim runs out.
                foreach (var message in due.Where(m => m.ClaimedBy == batch.Claim))
                {
                    message.ReleaseClaim();
                }

                await unitOfWork.BeginAsync(CancellationToken.None);
                await unitOfWork.SaveStepAsync(CancellationToken.None);
                if (completed && !cancellationToken.IsCancellationRequested)
                {
                    next = await ClaimAsync(db, CancellationToken.None);
                }

                await unitOfWork.CommitAsync(CancellationToken.None);
            }

            batch = next;
        }

        return attempted;
    }

    /// <summary>
    /// Claims up to a batch of due messages for this sender (inside the caller's write turn), so that another host
    /// sharing the database does not hand the same messages over too. The batch is found through the (Status, Id)
    /// index in the order queued and claimed by id: a backlog costs a claim a few index pages, not a sort or a scan.
    /// </summary>
    private async Task<ClaimedBatch> ClaimAsync(KernelDbContext db, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid().ToString("N");
        var ids = await db.EmailMessages
            .Where(DueAndUnclaimed(now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await db.EmailMessages
                .Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, now + _options.ClaimLease), cancellationToken);
        }

        return new ClaimedBatch(claim, ids, now);
    }

    /// <summary>Hands a claimed batch to the transport; returns how many were tried. A batch on a slow relay stops once half of its claim has passed.</summary>
    private async Task<int> SendAsync(List<EmailMessage> due, DateTime claimedAt, CancellationToken cancellationToken)
    {
        var tried = 0;
        foreach (var message in due)
        {
            if (tried > 0 && _clock.GetUtcNow().UtcDateTime - claimedAt > _options.ClaimLease / 2)
            {
                break;
            }

            tried++;
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

        await _transport.EndBatchAsync(cancellationToken);
        return tried;
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

    private readonly record struct ClaimedBatch(string Claim, IReadOnlyList<long> Ids, DateTime At)
    {
        public static ClaimedBatch None { get; } = new("", [], default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outgoing email goes through {Transport}")]
    private partial void LogTransport(string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} failed on attempt {Attempt}: {Error}")]
    private partial void LogSendFailed(long messageId, int attempt, string error);
}
