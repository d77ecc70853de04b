namespace Support.Ticketing.Domain;

/// <summary>What a thread entry is: who wrote it, and whether the customer sees it.</summary>
internal enum ThreadEntryKind
{
    CustomerMessage = 0,
    AgentReply = 1,

    /// <summary>Seen by staff only; never sent or shown to the customer.</summary>
    InternalNote = 2,
}

/// <summary>One message in a ticket's thread, with its attachments.</summary>
internal sealed class ThreadEntry
{
    private readonly List<Attachment> _attachments = [];

    private ThreadEntry()
    {
    }

    public ThreadEntry(ThreadEntryKind kind, string authorName, string? authorStaffId, string bodyHtml, string bodyText, DateTime createdAtUtc)
    {
        Kind = kind;
        AuthorName = authorName;
        AuthorStaffId = authorStaffId;
        BodyHtml = bodyHtml;
        BodyText = bodyText;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public ThreadEntryKind Kind { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string? AuthorStaffId { get; private set; }

    /// <summary>The sanitised HTML, safe to render.</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>The text of the body, for search and plain-text email.</summary>
    public string BodyText { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<Attachment> Attachments => _attachments;

    public void Attach(IEnumerable<Attachment> attachments) => _attachments.AddRange(attachments);
}

/// <summary>A file attached to a thread entry; the bytes are in the blob store under <see cref="BlobKey"/>.</summary>
internal sealed class Attachment
{
    private Attachment()
    {
    }

    public Attachment(string fileName, string contentType, long size, string blobKey)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        BlobKey = blobKey;
    }

    public long Id { get; private set; }

    public long ThreadEntryId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type found from the file's content, not the one the browser claimed.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string BlobKey { get; private set; } = "";
}

/// <summary>One line of a ticket's audit trail: who changed what, from what, to what, and when.</summary>
internal sealed class TicketChange
{
    public const string Opened = "Opened";
    public const string StatusField = "Status";
    public const string PriorityField = "Priority";
    public const string SeverityField = "Severity";
    public const string TeamField = "Team";
    public const string AgentField = "Agent";
    public const string HelpTopicField = "HelpTopic";
    public const string CompanyField = "Company";
    public const string TimeRecorded = "TimeRecorded";
    public const string AccessLinkRevoked = "AccessLinkRevoked";
    public const string SlaWarningField = "SlaWarning";
    public const string SlaBreachedField = "SlaBreached";

    /// <summary>A line written by another module, in English (old value) and French (new value).</summary>
    public const string TimelineField = "Timeline";

    private TicketChange()
    {
    }

    public TicketChange(DateTime atUtc, string actor, string? actorStaffId, string field, string? oldValue, string? newValue)
    {
        AtUtc = atUtc;
        Actor = actor;
        ActorStaffId = actorStaffId;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string Actor { get; private set; } = "";

    public string? ActorStaffId { get; private set; }

    public string Field { get; private set; } = "";

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }
}

/// <summary>A value captured by a field a channel plugin contributed (e.g. the TeamViewer ID).</summary>
internal sealed class TicketFieldValue
{
    private TicketFieldValue()
    {
    }

    public TicketFieldValue(string key, string value, DateTime capturedAtUtc)
    {
        Key = key;
        Value = value;
        CapturedAtUtc = capturedAtUtc;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Key { get; private set; } = "";

    public string Value { get; private set; } = "";

    public DateTime CapturedAtUtc { get; private set; }
}
