using Support.Kernel.Persistence;

namespace Support.Kernel.Email;

/// <summary>Queues outgoing email in the current unit of work: the email is saved with the change that caused it.</summary>
public interface IEmailOutbox
{
    /// <summary>Adds the email to the outbox; it is saved when the scope's unit of work commits.</summary>
    void Queue(OutgoingEmail email);
}

internal sealed class EmailOutbox : IEmailOutbox
{
    private readonly KernelDbContext _db;
    private readonly TimeProvider _clock;
    private readonly EmailSignal _signal;

    public EmailOutbox(KernelDbContext db, TimeProvider clock, EmailSignal signal)
    {
        _db = db;
        _clock = clock;
        _signal = signal;
        _db.SavedChanges += (_, _) => _signal.Notify();
    }

    public void Queue(OutgoingEmail email)
    {
        _db.EmailMessages.Add(new EmailMessage(email, _clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>Wakes the email sender when mail is queued.</summary>
public sealed class EmailSignal : Messaging.WorkSignal;
