using Support.Ticketing.Contracts;

namespace Support.Ticketing.Domain;

/// <summary>
/// A customer's request and everything done about it. Every change an agent or a customer makes goes
/// through a method here, which records it in the audit trail.
/// </summary>
internal sealed class Ticket
{
    private readonly List<ThreadEntry> _thread = [];
    private readonly List<TicketChange> _changes = [];
    private readonly List<TicketFieldValue> _fields = [];
    private readonly List<SlaPause> _slaPauses = [];

    private Ticket()
    {
    }

    public long Id { get; private set; }

    /// <summary>The number customers quote: six random digits (seven once six-digit numbers run short).</summary>
    public int Number { get; private set; }

    public string Subject { get; private set; } = "";

    public TicketStatus Status { get; private set; }

    public TicketPriority Priority { get; private set; }

    public TicketSeverity Severity { get; private set; }

    /// <summary>Whether an agent has set the severity after reading the request.</summary>
    public bool SeverityClassified { get; private set; }

    public bool CriticalSituation { get; private set; }

    public long HelpTopicId { get; private set; }

    public long CompanyId { get; private set; }

    /// <summary>The company's name, kept on the ticket for queues and search.</summary>
    public string CompanyName { get; private set; } = "";

    public long ContactId { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerEmail { get; private set; } = "";

    /// <summary>The address in lower case, for look-ups.</summary>
    public string NormalizedCustomerEmail { get; private set; } = "";

    public string CustomerPhone { get; private set; } = "";

    public string? Department { get; private set; }

    /// <summary>How the ticket came in: <c>web</c>, or a channel plugin's id.</summary>
    public string Channel { get; private set; } = "web";

    /// <summary>The language the customer used (<c>fr</c> or <c>en</c>): their emails are written in it.</summary>
    public string Language { get; private set; } = "fr";

    public SupportTeam Team { get; private set; }

    public string? AssignedAgentId { get; private set; }

    public string? AssignedAgentName { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The last time anything happened on the ticket: the queues' default order.</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? FirstAgentReplyAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>The SLA policy whose targets the clocks count (null: no policy applies, no clocks run).</summary>
    public long? SlaPolicyId { get; private set; }

    public string? SlaPolicyName { get; private set; }

    /// <summary>When the first public agent reply is due (opening + the first-response target).</summary>
    public DateTime? FirstResponseDueAtUtc { get; private set; }

    public DateTime? FirstResponseWarnAtUtc { get; private set; }

    /// <summary>Whether the first response came in time; null until it comes.</summary>
    public bool? FirstResponseMet { get; private set; }

    /// <summary>The customer reply that waits for an agent's answer (the next-response clock's start); null when none waits.</summary>
    public DateTime? NextResponseStartedAtUtc { get; private set; }

    public DateTime? NextResponseDueAtUtc { get; private set; }

    public DateTime? NextResponseWarnAtUtc { get; private set; }

    /// <summary>How many next responses came in time, and how many late.</summary>
    public int NextResponsesMet { get; private set; }

    public int NextResponsesBreached { get; private set; }

    public DateTime? ResolutionDueAtUtc { get; private set; }

    public DateTime? ResolutionWarnAtUtc { get; private set; }

    /// <summary>Whether the ticket was closed in time; null while it is not closed.</summary>
    public bool? ResolutionMet { get; private set; }

    /// <summary>Since when the clocks stand still (awaiting customer, or closed); null while they run.</summary>
    public DateTime? SlaPausedSinceUtc { get; private set; }

    /// <summary>The earliest due time of a running clock: the "Breached" queue and the queues' SLA column read it.</summary>
    public DateTime? SlaDueAtUtc { get; private set; }

    /// <summary>The earliest warning time of a running clock: the "At risk" queue reads it.</summary>
    public DateTime? SlaWarnAtUtc { get; private set; }

    /// <summary>The due time the SLA workflow last raised a warning for (one warning per due time).</summary>
    public DateTime? SlaWarnedForUtc { get; private set; }

    /// <summary>The due time the SLA workflow last raised a breach for.</summary>
    public DateTime? SlaBreachedForUtc { get; private set; }

    public IReadOnlyList<SlaPause> SlaPauses => _slaPauses;

    /// <summary>The running clock whose due time is <see cref="SlaDueAtUtc"/>: <c>FirstResponse</c>, <c>NextResponse</c> or <c>Resolution</c>.</summary>
    public string? SlaClock =>
        SlaDueAtUtc is not { } due ? null
        : FirstResponseRunning && FirstResponseDueAtUtc == due ? "FirstResponse"
        : NextResponseStartedAtUtc is not null && NextResponseDueAtUtc == due ? "NextResponse"
        : "Resolution";

    /// <summary>
    /// The SLA workflow's next alert: a warning at <see cref="SlaWarnAtUtc"/> unless one was raised for the current
    /// due time, then a breach at <see cref="SlaDueAtUtc"/>; null when no clock runs or both were raised.
    /// </summary>
    public (string Kind, DateTime AtUtc)? NextSlaAlert =>
        SlaDueAtUtc is not { } due ? null
        : SlaWarnAtUtc is { } warn && SlaWarnedForUtc != due && warn < due ? ("Warning", warn)
        : SlaBreachedForUtc != due ? ("Breached", due)
        : null;

    /// <summary>Records that the SLA workflow raised an alert for the current due time, in the audit trail too.</summary>
    public void RecordSlaAlert(string kind, DateTime now)
    {
        if (kind == "Warning")
        {
            SlaWarnedForUtc = SlaDueAtUtc;
        }
        else
        {
            SlaBreachedForUtc = SlaDueAtUtc;
        }

        Record(now, "SLA", null, kind == "Warning" ? TicketChange.SlaWarningField : TicketChange.SlaBreachedField, null, SlaClock);
    }

    public IReadOnlyList<ThreadEntry> Thread => _thread;

    public IReadOnlyList<TicketChange> Changes => _changes;

    public IReadOnlyList<TicketFieldValue> Fields => _fields;

    /// <summary>A critical situation proposes Critical (and its SLA); an agent confirms or changes it.</summary>
    public static TicketSeverity InitialSeverity(bool criticalSituation) =>
        criticalSituation ? TicketSeverity.Critical : TicketSeverity.Normal;

    /// <summary>The team a new ticket is with until an agent assigns it.</summary>
    public const SupportTeam InitialTeam = SupportTeam.Support;

    public static Ticket Open(int number, NewTicket request, Contact contact, Company company, ThreadEntry firstMessage, DateTime now)
    {
        var ticket = new Ticket
        {
            Number = number,
            Subject = request.Subject,
            Status = TicketStatus.Open,
            Priority = request.Priority,
            Severity = InitialSeverity(request.CriticalSituation),
            CriticalSituation = request.CriticalSituation,
            HelpTopicId = request.HelpTopicId,
            CompanyId = company.Id,
            CompanyName = company.Name,
            ContactId = contact.Id,
            CustomerName = request.Name,
            CustomerEmail = request.Email,
            NormalizedCustomerEmail = Contact.Normalize(request.Email),
            CustomerPhone = request.Phone,
            Department = request.Department,
            Channel = request.Channel,
            Language = request.Language,
            Team = InitialTeam,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        ticket._thread.Add(firstMessage);
        foreach (var (key, value) in request.Fields)
        {
            ticket._fields.Add(new TicketFieldValue(key, value, now));
        }

        ticket._changes.Add(new TicketChange(now, request.Name, null, TicketChange.Opened, null, request.Channel));
        return ticket;
    }

    /// <summary>Adds the customer's message; reopens a closed ticket when <paramref name="reopenIfClosed"/>.</summary>
    /// <returns>Whether the message reopened the ticket.</returns>
    public bool AddCustomerMessage(ThreadEntry entry, bool reopenIfClosed, DateTime now)
    {
        _thread.Add(entry);
        UpdatedAtUtc = now;
        var reopened = false;
        if (Status == TicketStatus.Closed && reopenIfClosed)
        {
            ChangeStatus(TicketStatus.Open, entry.AuthorName, null, now);
            reopened = true;
        }
        else if (Status == TicketStatus.AwaitingCustomer)
        {
            ChangeStatus(TicketStatus.Open, entry.AuthorName, null, now);
        }

        if (Status != TicketStatus.Closed && FirstAgentReplyAtUtc is not null && NextResponseStartedAtUtc is null)
        {
            NextResponseStartedAtUtc = now;
        }

        return reopened;
    }

    /// <summary>Adds an agent's public reply or internal note.</summary>
    /// <returns>Whether this is the first public reply (the first-response moment).</returns>
    public bool AddAgentEntry(ThreadEntry entry, DateTime now)
    {
        _thread.Add(entry);
        UpdatedAtUtc = now;
        if (entry.Kind != ThreadEntryKind.AgentReply)
        {
            return false;
        }

        if (NextResponseStartedAtUtc is not null)
        {
            // A due time of null means the clock was paused before reaching its target: in time.
            if (NextResponseDueAtUtc is null || now <= NextResponseDueAtUtc)
            {
                NextResponsesMet++;
            }
            else
            {
                NextResponsesBreached++;
            }

            NextResponseStartedAtUtc = null;
            NextResponseDueAtUtc = null;
            NextResponseWarnAtUtc = null;
        }

        if (FirstAgentReplyAtUtc is not null)
        {
            return false;
        }

        FirstAgentReplyAtUtc = now;
        FirstResponseMet = SlaPolicyId is null ? null : FirstResponseDueAtUtc is null || now <= FirstResponseDueAtUtc;
        return true;
    }

    public bool ChangeStatus(TicketStatus status, string actor, string? actorStaffId, DateTime now)
    {
        if (status == Status)
        {
            return false;
        }

        Record(now, actor, actorStaffId, TicketChange.StatusField, Status.ToString(), status.ToString());
        Status = status;
        ClosedAtUtc = status == TicketStatus.Closed ? now : null;
        ResolutionMet = status != TicketStatus.Closed || SlaPolicyId is null ? null : ResolutionDueAtUtc is null || now <= ResolutionDueAtUtc;
        UpdatedAtUtc = now;
        return true;
    }

    public bool ChangePriority(TicketPriority priority, string actor, string? actorStaffId, DateTime now)
    {
        if (priority == Priority)
        {
            return false;
        }

        Record(now, actor, actorStaffId, TicketChange.PriorityField, Priority.ToString(), priority.ToString());
        Priority = priority;
        UpdatedAtUtc = now;
        return true;
    }

    public bool ChangeSeverity(TicketSeverity severity, string actor, string? actorStaffId, DateTime now)
    {
        var wasClassified = SeverityClassified;
        SeverityClassified = true;
        if (severity == Severity)
        {
            return !wasClassified && Touch(now);
        }

        Record(now, actor, actorStaffId, TicketChange.SeverityField, Severity.ToString(), severity.ToString());
        Severity = severity;
        UpdatedAtUtc = now;
        return true;
    }

    public bool Assign(SupportTeam team, string? agentId, string? agentName, string actor, string? actorStaffId, DateTime now)
    {
        var changed = false;
        if (team != Team)
        {
            Record(now, actor, actorStaffId, TicketChange.TeamField, Team.ToString(), team.ToString());
            Team = team;
            changed = true;
        }

        if (!string.Equals(agentId, AssignedAgentId, StringComparison.Ordinal))
        {
            Record(now, actor, actorStaffId, TicketChange.AgentField, AssignedAgentName, agentName);
            AssignedAgentId = agentId;
            AssignedAgentName = agentName;
            changed = true;
        }

        return changed && Touch(now);
    }

    public bool ChangeHelpTopic(HelpTopic topic, string previousKey, string actor, string? actorStaffId, DateTime now)
    {
        if (topic.Id == HelpTopicId)
        {
            return false;
        }

        Record(now, actor, actorStaffId, TicketChange.HelpTopicField, previousKey, topic.Key);
        HelpTopicId = topic.Id;
        return Touch(now);
    }

    public bool ChangeCompany(Company company, string actor, string? actorStaffId, DateTime now)
    {
        if (company.Id == CompanyId)
        {
            return false;
        }

        Record(now, actor, actorStaffId, TicketChange.CompanyField, CompanyName, company.Name);
        CompanyId = company.Id;
        CompanyName = company.Name;
        return Touch(now);
    }

    /// <summary>
    /// The clocks stand still while the ticket is not open: a pause begins when it leaves Open and ends when it
    /// returns. Call with the pauses loaded.
    /// </summary>
    public void KeepSlaPausesInStep(DateTime now)
    {
        var open = _slaPauses.FirstOrDefault(p => p.ToUtc is null);
        if (Status != TicketStatus.Open && open is null)
        {
            _slaPauses.Add(new SlaPause(now));
            SlaPausedSinceUtc = now;
        }
        else if (Status == TicketStatus.Open && open is not null)
        {
            open.End(now);
            SlaPausedSinceUtc = null;
        }
    }

    /// <summary>The clocks that are still running, as the SLA policy times them.</summary>
    public bool FirstResponseRunning => FirstAgentReplyAtUtc is null;

    public bool ResolutionRunning => Status != TicketStatus.Closed;

    /// <summary>Applies a policy's due and warning times to the running clocks (a clock that stopped keeps its due time).</summary>
    public void SetSlaTimes(SlaPolicy? policy, SlaTimes times)
    {
        SlaPolicyId = policy?.Id;
        SlaPolicyName = policy?.Name;
        if (FirstResponseRunning)
        {
            (FirstResponseDueAtUtc, FirstResponseWarnAtUtc) = (times.FirstResponse.Due, times.FirstResponse.WarnAt);
        }

        if (NextResponseStartedAtUtc is not null)
        {
            (NextResponseDueAtUtc, NextResponseWarnAtUtc) = (times.NextResponse.Due, times.NextResponse.WarnAt);
        }

        if (ResolutionRunning)
        {
            (ResolutionDueAtUtc, ResolutionWarnAtUtc) = (times.Resolution.Due, times.Resolution.WarnAt);
        }

        var running = new[]
        {
            FirstResponseRunning ? times.FirstResponse : default,
            NextResponseStartedAtUtc is not null ? times.NextResponse : default,
            ResolutionRunning ? times.Resolution : default,
        };
        SlaDueAtUtc = running.Where(c => c.Due is not null).Select(c => c.Due).Min();
        SlaWarnAtUtc = running.Where(c => c.WarnAt is not null).Select(c => c.WarnAt).Min();
    }

    /// <summary>Keeps the latest value a customer or agent gave for a contributed field.</summary>
    public void CaptureField(string key, string value, DateTime now)
    {
        _fields.RemoveAll(f => f.Key == key);
        _fields.Add(new TicketFieldValue(key, value, now));
    }

    /// <summary>An agent sets (or, with null, removes) a contributed field's value; a change is recorded in the audit trail.</summary>
    public bool ChangeField(string key, string? value, string actor, string? actorStaffId, DateTime now)
    {
        var previous = _fields.FirstOrDefault(f => f.Key == key)?.Value;
        if (previous == value)
        {
            return false;
        }

        _fields.RemoveAll(f => f.Key == key);
        if (value is not null)
        {
            _fields.Add(new TicketFieldValue(key, value, now));
        }

        Record(now, actor, actorStaffId, key.Length <= 64 ? key : key[..64], previous, value);
        UpdatedAtUtc = now;
        return true;
    }

    /// <summary>Records something that is not a field change (a time entry, a revoked link) in the audit trail.</summary>
    public void RecordEvent(string what, string? detail, string actor, string? actorStaffId, DateTime now) =>
        Record(now, actor, actorStaffId, what, null, detail);

    /// <summary>
    /// Records a line another module wrote (an escalation, a reclassification request): its English text is kept as the
    /// old value and its French as the new one, and the page shows the agent's language.
    /// </summary>
    public void RecordTimeline(string textFr, string textEn, string actor, string? actorStaffId, DateTime now)
    {
        Record(now, actor, actorStaffId, TicketChange.TimelineField, textEn, textFr);
        UpdatedAtUtc = now;
    }

    private void Record(DateTime now, string actor, string? actorStaffId, string field, string? oldValue, string? newValue) =>
        _changes.Add(new TicketChange(now, actor, actorStaffId, field, oldValue, newValue));

    private bool Touch(DateTime now)
    {
        UpdatedAtUtc = now;
        return true;
    }

    /// <summary>The ticket as integration events carry it.</summary>
    public TicketSnapshot Snapshot(string helpTopicKey, bool companyHasContract) => new(
        Id, Number, Subject, Status, Priority, Severity, CriticalSituation, Team, AssignedAgentId,
        helpTopicKey, CompanyId, CompanyName, companyHasContract, CustomerEmail, CreatedAtUtc);

    /// <summary>The number as customers see it: at least six digits.</summary>
    public string DisplayNumber => Format(Number);

    public static string Format(int number) => number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A clock's due time and the moment it becomes at risk (null: paused or not running).</summary>
internal readonly record struct SlaClockTime(DateTime? Due, DateTime? WarnAt);

/// <summary>The due and warning times of a ticket's three clocks under its policy.</summary>
internal sealed record SlaTimes(SlaClockTime FirstResponse, SlaClockTime NextResponse, SlaClockTime Resolution)
{
    public static SlaTimes None { get; } = new(default, default, default);
}

/// <summary>What the customer (or a channel) submitted to open a ticket, already validated and sanitised.</summary>
internal sealed record NewTicket(
    long HelpTopicId,
    string? Department,
    string Email,
    string Name,
    string Phone,
    bool CriticalSituation,
    string Subject,
    TicketPriority Priority,
    string Channel,
    string Language,
    IReadOnlyDictionary<string, string> Fields);
