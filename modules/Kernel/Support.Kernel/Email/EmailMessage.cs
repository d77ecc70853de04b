using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Support.Kernel.Email;

/// <summary>Where an email stands in the outbox.</summary>
public enum EmailStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>One outgoing email: queued with the change that caused it, sent by the background sender.</summary>
public sealed class EmailMessage
{
    private EmailMessage()
    {
    }

    public EmailMessage(OutgoingEmail email, DateTime queuedAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email.To);
        To = email.To.Trim();
        ToName = email.ToName;
        Subject = email.Subject;
        TextBody = email.TextBody;
        HtmlBody = email.HtmlBody;
        Category = email.Category;
        QueuedAtUtc = queuedAtUtc;
        NextAttemptAtUtc = queuedAtUtc;
        MessageId = $"{Guid.NewGuid():N}@support.modular";
        var attachments = email.Attachments ?? [];
        if (attachments.Sum(a => (long)a.Content.Length) > MaxAttachmentBytes)
        {
            throw new ArgumentException($"The attachments of an email may not exceed {MaxAttachmentBytes / (1024 * 1024)} MB in all.", nameof(email));
        }

        Attachments = [.. attachments.Select(a => new EmailAttachment(a))];
    }

    /// <summary>The most an email's attachments may weigh in all: what common mail servers accept once encoded.</summary>
    public const int MaxAttachmentBytes = 10 * 1024 * 1024;

    public long Id { get; private set; }

    public string To { get; private set; } = "";

    public string? ToName { get; private set; }

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    /// <summary>What kind of mail this is (ticket-opened, access-link, test...), for the tracking page.</summary>
    public string Category { get; private set; } = "";

    /// <summary>The RFC 5322 Message-ID, so that replies can be threaded.</summary>
    public string MessageId { get; private set; } = "";

    public EmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>The files sent with the message.</summary>
    public List<EmailAttachment> Attachments { get; private set; } = [];

    /// <summary>The sender's pass that holds this message while it hands it over (several hosts share the outbox).</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>Until when the claim holds; a host that stopped mid-batch leaves the message to others after this.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    internal void MarkSent(DateTime nowUtc)
    {
        ReleaseClaim();
        Attempts++;
        Status = EmailStatus.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
    }

    internal void MarkAttemptFailed(string error, DateTime nowUtc, TimeSpan retryDelay, int maxAttempts)
    {
        ReleaseClaim();
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= maxAttempts)
        {
            Status = EmailStatus.Failed;
            return;
        }

        NextAttemptAtUtc = nowUtc + retryDelay;
    }

    internal void ReleaseClaim()
    {
        ClaimedBy = null;
        ClaimedUntilUtc = null;
    }

    /// <summary>An admin asks for a failed message to be tried again.</summary>
    public void Requeue(DateTime nowUtc)
    {
        if (Status != EmailStatus.Failed)
        {
            return;
        }

        Status = EmailStatus.Queued;
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
    }

    internal static void Configure(EntityTypeBuilder<EmailMessage> entity)
    {
        entity.ToTable(Persistence.KernelDbContext.Prefix + "_email_messages");
        entity.HasKey(m => m.Id);
        // The sender's batches (queued messages in the order queued) and the admin's list by status.
        entity.HasIndex(m => new { m.Status, m.Id });
        entity.HasIndex(m => m.QueuedAtUtc);
        entity.Property(m => m.To).HasMaxLength(320);
        entity.Property(m => m.ToName).HasMaxLength(200);
        entity.Property(m => m.Subject).HasMaxLength(500);
        entity.Property(m => m.Category).HasMaxLength(100);
        entity.Property(m => m.MessageId).HasMaxLength(200);
        entity.Property(m => m.ClaimedBy).HasMaxLength(32);
        entity.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.EmailMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A file attached to an outgoing email, stored in the outbox with it so that the email and its files commit together.</summary>
public sealed class EmailAttachment
{
    private EmailAttachment()
    {
    }

    internal EmailAttachment(OutgoingAttachment attachment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachment.FileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(attachment.ContentType);
        FileName = Path.GetFileName(attachment.FileName.Trim());
        ContentType = attachment.ContentType;
        Content = attachment.Content;
        Size = attachment.Content.Length;
    }

    public long Id { get; private set; }

    public long EmailMessageId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    /// <summary>The size in bytes, so that the tracking page need not load the content.</summary>
    public int Size { get; private set; }

    internal static void Configure(EntityTypeBuilder<EmailAttachment> entity)
    {
        entity.ToTable(Persistence.KernelDbContext.Prefix + "_email_attachments");
        entity.HasKey(a => a.Id);
        entity.HasIndex(a => a.EmailMessageId);
        entity.Property(a => a.FileName).HasMaxLength(255);
        entity.Property(a => a.ContentType).HasMaxLength(100);
    }
}
