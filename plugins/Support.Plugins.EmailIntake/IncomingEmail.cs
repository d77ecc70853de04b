using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Support.Plugins.Abstractions;

namespace Support.Plugins.EmailIntake;

/// <summary>An email read from the mailbox, seen as the channel needs it: who, about which ticket, what to store.</summary>
internal sealed partial class IncomingEmail
{
    /// <summary>The portal's limit; a larger attachment is read only this far plus one byte, enough for the host to refuse it as too large.</summary>
    private const int MaxAttachmentBytes = 2 * 1024 * 1024;

    /// <summary>More than the host keeps (5); the rest are named to the host without their content, which it refuses as too many.</summary>
    private const int MaxAttachmentsRead = 10;

    private readonly MimeMessage _message;

    public IncomingEmail(MimeMessage message, string fallbackExternalId)
    {
        _message = message;
        ExternalId = string.IsNullOrWhiteSpace(message.MessageId) ? fallbackExternalId : "<" + message.MessageId.Trim() + ">";
        Sender = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        TicketNumber = TicketTag().Match(message.Subject ?? "") is { Success: true } tag ? tag.Groups[1].Value : null;
    }

    /// <summary>The Message-ID (in angle brackets), or the mailbox's own id of the message when it has none.</summary>
    public string ExternalId { get; }

    public MailboxAddress? Sender { get; }

    /// <summary>The number in a <c>[#983177]</c> tag of the subject, as the host's emails carry it.</summary>
    public string? TicketNumber { get; }

    public string Subject => _message.Subject ?? "";

    /// <summary>
    /// An automatic message that must not become a ticket (and must not be answered, or two robots answer
    /// each other forever): RFC 3834 <c>Auto-Submitted</c> other than <c>no</c>, the <c>X-Autoreply</c> and
    /// <c>X-Autorespond</c> headers of common vacation responders, <c>Precedence: bulk, junk, list or auto_reply</c>,
    /// and an empty return path (<c>Return-Path: &lt;&gt;</c>, as bounces and most auto-replies carry).
    /// </summary>
    public bool IsAutoReply
    {
        get
        {
            var headers = _message.Headers;
            var autoSubmitted = headers[HeaderId.AutoSubmitted];
            if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
            {
                return true;
            }

            var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
            if (precedence is "bulk" or "junk" or "list" or "auto_reply")
            {
                return true;
            }

            return headers[HeaderId.ReturnPath]?.Trim() == "<>";
        }
    }

    /// <summary>A delivery report (<c>multipart/report</c>) or a message from the mail system itself (MAILER-DAEMON, postmaster).</summary>
    public bool IsBounce
    {
        get
        {
            if (_message.Body is MultipartReport || _message.Body?.ContentType.IsMimeType("multipart", "report") == true)
            {
                return true;
            }

            var local = Sender?.LocalPart ?? "";
            return local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The customer's language from <c>Content-Language</c>, if the email says.</summary>
    public string? Language
    {
        get
        {
            var language = _message.Headers["Content-Language"]?.Trim().ToLowerInvariant();
            return language is null ? null : language.StartsWith("en", StringComparison.Ordinal) ? "en" : language.StartsWith("fr", StringComparison.Ordinal) ? "fr" : null;
        }
    }

    /// <summary>The HTML part when there is one (the host sanitises it), else the text part as paragraphs.</summary>
    public string BodyHtml()
    {
        if (!string.IsNullOrWhiteSpace(_message.HtmlBody))
        {
            return _message.HtmlBody;
        }

        var text = (_message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>The attached files, each read at most up to the portal's limit plus one byte.</summary>
    public async Task<IReadOnlyList<IntakeAttachment>> AttachmentsAsync(CancellationToken cancellationToken)
    {
        var files = new List<IntakeAttachment>();
        var index = 0;
        foreach (var part in _message.Attachments)
        {
            index++;
            var name = part switch
            {
                MimePart mime => mime.FileName,
                MessagePart message => (message.ContentDisposition?.FileName ?? message.Message?.Subject ?? "message") + ".eml",
                _ => null,
            } ?? string.Create(CultureInfo.InvariantCulture, $"attachment-{index}");
            if (files.Count >= MaxAttachmentsRead)
            {
                files.Add(new IntakeAttachment(name, part.ContentType.MimeType, [0]));
                continue;
            }

            using var content = new CappedStream(MaxAttachmentBytes + 1);
            switch (part)
            {
                case MimePart mime when mime.Content is not null:
                    await mime.Content.DecodeToAsync(content, cancellationToken);
                    break;
                case MessagePart message when message.Message is not null:
                    await message.Message.WriteToAsync(content, cancellationToken);
                    break;
            }

            files.Add(new IntakeAttachment(name, part.ContentType.MimeType, content.ToArray()));
        }

        return files;
    }

    [GeneratedRegex(@"\[#(\d{6,9})\]", RegexOptions.CultureInvariant)]
    private static partial Regex TicketTag();

    /// <summary>Keeps the first bytes written and counts nothing beyond: a huge attachment costs no memory.</summary>
    private sealed class CappedStream(int capacity) : Stream
    {
        private readonly MemoryStream _kept = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _kept.Length;

        public override long Position { get => _kept.Length; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _kept.ToArray();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var room = capacity - (int)_kept.Length;
            if (room > 0)
            {
                _kept.Write(buffer, offset, Math.Min(room, count));
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _kept.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
