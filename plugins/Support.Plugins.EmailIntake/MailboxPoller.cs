using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Support.Plugins.Abstractions;

namespace Support.Plugins.EmailIntake;

/// <summary>
/// One poll: connects to the mailbox, reads every unread email of the folder in arrival order and hands it
/// to the host. An email is marked read only once the host has answered (a new ticket, an added reply, a
/// duplicate, or a refusal it will always give), so a poll interrupted by the host stopping, a lost
/// connection or a database error leaves it unread, and the next poll delivers it again; its Message-ID
/// makes that a no-op for the host. Auto-replies and bounces are marked read without a ticket.
/// </summary>
internal sealed partial class MailboxPoller : IChannelPoller
{
    private const string Channel = "EmailIntake";
    private readonly MailboxSettings _settings;
    private readonly IIntakeService _intake;
    private readonly MailboxStatus _status;
    private readonly ILogger<MailboxPoller> _log;

    public MailboxPoller(MailboxSettings settings, IIntakeService intake, MailboxStatus status, ILogger<MailboxPoller> log)
    {
        _settings = settings;
        _intake = intake;
        _status = status;
        _log = log;
    }

    public TimeSpan Interval => _settings.PollInterval;

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(_settings.Host!, _settings.Port, _settings.Security, cancellationToken);
        await client.AuthenticateAsync(_settings.User!, _settings.Password ?? "", cancellationToken);
        var folder = await client.GetFolderAsync(_settings.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);

        var unread = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        foreach (var uid in unread.OrderBy(u => u.Id))
        {
            // The body is fetched with BODY.PEEK: reading it does not mark the email read.
            var message = await folder.GetMessageAsync(uid, cancellationToken);
            var email = new IncomingEmail(message, string.Create(CultureInfo.InvariantCulture, $"imap:{_settings.User}@{_settings.Host}/{_settings.Folder}/{folder.UidValidity}/{uid.Id}"));
            var outcome = await TakeInAsync(email, cancellationToken);
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
            _status.Count(outcome);
            Handled(_log, email.ExternalId, outcome.ToString());
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        _status.Completed(DateTimeOffset.UtcNow);
    }

    private async Task<EmailOutcome> TakeInAsync(IncomingEmail email, CancellationToken cancellationToken)
    {
        if (email.IsBounce || email.IsAutoReply || email.Sender is null)
        {
            return EmailOutcome.Ignored;
        }

        var attachments = await email.AttachmentsAsync(cancellationToken);
        try
        {
            if (email.TicketNumber is { } number)
            {
                try
                {
                    var appended = await _intake.AppendMessageAsync(new IntakeMessage(Channel, number, email.Sender.Address, email.BodyHtml(), email.ExternalId, attachments), cancellationToken);
                    return appended.WasDuplicate ? EmailOutcome.Duplicate : EmailOutcome.Appended;
                }
                catch (IntakeRefusedException refused) when (refused.Reason is IntakeRefusal.NotTheCustomer or IntakeRefusal.UnknownTicket)
                {
                    // Someone other than the ticket's customer (a colleague in copy, a forward), or a number that
                    // no longer exists: the email still deserves an answer, so it opens a ticket of its own.
                    ReplyOpensNewTicket(_log, email.ExternalId, refused.Message);
                }
            }

            var opened = await _intake.OpenTicketAsync(
                new IntakeTicket(Channel, email.Sender.Address, email.Sender.Name ?? "", null, null, email.Subject, email.BodyHtml(), email.ExternalId, new Dictionary<string, string>(), attachments, email.Language ?? _settings.Language),
                cancellationToken);
            return opened.WasDuplicate ? EmailOutcome.Duplicate : EmailOutcome.Opened;
        }
        catch (IntakeRefusedException refused)
        {
            EmailRefused(_log, email.ExternalId, refused.Message);
            return EmailOutcome.Refused;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {MessageId}: {Outcome}")]
    private static partial void Handled(ILogger logger, string messageId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {MessageId} names a ticket it cannot join ({Reason}); it opens a new ticket")]
    private static partial void ReplyOpensNewTicket(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} was refused by the host and is left read in the mailbox: {Reason}")]
    private static partial void EmailRefused(ILogger logger, string messageId, string reason);
}
