namespace Support.Plugins.EmailIntake;

/// <summary>What the poller has done since the host started, for the settings page.</summary>
public sealed class MailboxStatus
{
    private long _opened;
    private long _appended;
    private long _duplicates;
    private long _ignored;
    private long _refused;

    public long TicketsOpened => Interlocked.Read(ref _opened);

    public long RepliesAdded => Interlocked.Read(ref _appended);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Auto-replies and bounces, marked read and left in the mailbox.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>Emails the host refused (no usable sender address), marked read and left in the mailbox.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public DateTimeOffset? LastPollCompleted { get; private set; }

    internal void Count(EmailOutcome outcome)
    {
        switch (outcome)
        {
            case EmailOutcome.Opened: Interlocked.Increment(ref _opened); break;
            case EmailOutcome.Appended: Interlocked.Increment(ref _appended); break;
            case EmailOutcome.Duplicate: Interlocked.Increment(ref _duplicates); break;
            case EmailOutcome.Ignored: Interlocked.Increment(ref _ignored); break;
            case EmailOutcome.Refused: Interlocked.Increment(ref _refused); break;
        }
    }

    internal void Completed(DateTimeOffset at) => LastPollCompleted = at;
}

/// <summary>What became of one email.</summary>
internal enum EmailOutcome
{
    Opened,
    Appended,
    Duplicate,
    Ignored,
    Refused,
}
