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

    public IReadOnlyList<ThreadEntry> Thread => _thread;

    public IReadOnlyList<TicketChange> Changes => _changes;

    public IReadOnlyList<TicketFieldValue> Fields => _fields;

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
            Severity = TicketSeverity.Normal,
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

        return reopened;
    }

    /// <summary>Adds an agent's public reply or internal note.</summary>
    /// <returns>Whether this is the first public reply (the first-response moment).</returns>
    public bool AddAgentEntry(ThreadEntry entry, DateTime now)
    {
        _thread.Add(entry);
        UpdatedAtUtc = now;
        if (entry.Kind != ThreadEntryKind.AgentReply || FirstAgentReplyAtUtc is not null)
        {
            return false;
        }

        FirstAgentReplyAtUtc = now;
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

    /// <summary>Keeps the latest value a customer or agent gave for a contributed field.</summary>
    public void CaptureField(string key, string value, DateTime now)
    {
        _fields.RemoveAll(f => f.Key == key);
        _fields.Add(new TicketFieldValue(key, value, now));
    }

    /// <summary>Records something that is not a field change (a time entry, a revoked link) in the audit trail.</summary>
    public void RecordEvent(string what, string? detail, string actor, string? actorStaffId, DateTime now) =>
        Record(now, actor, actorStaffId, what, null, detail);

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
