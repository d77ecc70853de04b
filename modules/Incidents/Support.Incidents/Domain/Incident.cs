namespace Support.Incidents.Domain;

/// <summary>Where a major incident stands, from its declaration to the review that closes it.</summary>
internal enum IncidentState
{
    /// <summary>Declared; the cause is being sought.</summary>
    Investigating = 0,

    /// <summary>The cause is known; the fix is under way.</summary>
    Identified = 1,

    /// <summary>A fix is in place; the service is watched.</summary>
    Monitoring = 2,

    /// <summary>The service is back; the post-mortem remains.</summary>
    Resolved = 3,

    /// <summary>Closed after the post-mortem review.</summary>
    Closed = 4,
}

/// <summary>How badly the incident hurts customers.</summary>
internal enum IncidentSeverity
{
    /// <summary>A service is degraded for several customers.</summary>
    Major = 0,

    /// <summary>A service is down, or a security breach.</summary>
    Critical = 1,
}

/// <summary>
/// A major incident: a security breach or a service failure affecting several customers, with the
/// companies it affects, the tickets it groups, its notifications and a timeline of everything that happened.
/// </summary>
internal sealed class Incident
{
    private Incident()
    {
    }

    public Incident(string title, string description, string affectedServices, string impact, IncidentSeverity severity, int? sourceTicketNumber, string declaredById, string declaredBy, DateTime nowUtc)
    {
        DeclaredById = declaredById;
        Edit(title, description, affectedServices, impact, severity);
        SourceTicketNumber = sourceTicketNumber;
        DeclaredBy = declaredBy;
        DeclaredAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        State = IncidentState.Investigating;
    }

    public long Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The affected services, one per line (the status page groups incidents by service).</summary>
    public string AffectedServices { get; private set; } = "";

    /// <summary>What customers cannot do while it lasts.</summary>
    public string Impact { get; private set; } = "";

    public IncidentSeverity Severity { get; private set; }

    public IncidentState State { get; private set; }

    /// <summary>The ticket the incident was declared from, if any.</summary>
    public int? SourceTicketNumber { get; private set; }

    /// <summary>The staff account that declared it (reminded when no communications lead is named).</summary>
    public string DeclaredById { get; private set; } = "";

    public string DeclaredBy { get; private set; } = "";

    public DateTime DeclaredAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When the impact (the companies affected) was determined: the 20-to-30-minute notification window starts here.</summary>
    public DateTime? ImpactDeterminedAtUtc { get; private set; }

    /// <summary>When the first written notification went out to the impacted customers.</summary>
    public DateTime? FirstNotifiedAtUtc { get; private set; }

    /// <summary>When the communications lead was reminded that the first notification is due.</summary>
    public DateTime? NotificationReminderAtUtc { get; private set; }

    /// <summary>When the incident was flagged late: no notification 30 minutes after the impact was determined.</summary>
    public DateTime? NotificationLateAtUtc { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>The investigation team's assessment of the scope: what is affected, how far, what is not.</summary>
    public string ScopeAssessment { get; private set; } = "";

    /// <summary>How often, in minutes, the communications lead sends an update to the impacted customers (null: no cadence set).</summary>
    public int? UpdateCadenceMinutes { get; private set; }

    /// <summary>When the last written notification went out.</summary>
    public DateTime? LastNotifiedAtUtc { get; private set; }

    /// <summary>The due time of the update the communications lead was last reminded of (once per due time).</summary>
    public DateTime? UpdateReminderDueAtUtc { get; private set; }

    public string Reference => $"INC-{Id:D4}";

    /// <summary>When the next update to the customers is due, on the cadence the lead set, while the incident is open.</summary>
    public DateTime? NextUpdateDueAtUtc =>
        IsOpen && UpdateCadenceMinutes is { } minutes && LastNotifiedAtUtc is { } last ? last.AddMinutes(minutes) : null;

    public void AssessScope(string assessment, DateTime nowUtc)
    {
        ScopeAssessment = assessment.Trim();
        UpdatedAtUtc = nowUtc;
    }

    public void SetUpdateCadence(int? minutes, DateTime nowUtc)
    {
        UpdateCadenceMinutes = minutes;
        UpdatedAtUtc = nowUtc;
    }

    public bool IsOpen => State < IncidentState.Resolved;

    public IEnumerable<string> Services =>
        AffectedServices.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Edit(string title, string description, string affectedServices, string impact, IncidentSeverity severity)
    {
        Title = title.Trim();
        Description = description.Trim();
        AffectedServices = string.Join('\n', affectedServices.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase));
        Impact = impact.Trim();
        Severity = severity;
    }

    public void MoveTo(IncidentState state, DateTime nowUtc)
    {
        State = state;
        UpdatedAtUtc = nowUtc;
        if (state == IncidentState.Resolved)
        {
            ResolvedAtUtc ??= nowUtc;
        }
        else if (state == IncidentState.Closed)
        {
            ResolvedAtUtc ??= nowUtc;
            ClosedAtUtc = nowUtc;
        }
        else
        {
            ResolvedAtUtc = null;
            ClosedAtUtc = null;
        }
    }

    public void DetermineImpact(DateTime nowUtc)
    {
        ImpactDeterminedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void RecordNotification(DateTime nowUtc)
    {
        FirstNotifiedAtUtc ??= nowUtc;
        LastNotifiedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void RecordReminder(DateTime nowUtc) => NotificationReminderAtUtc = nowUtc;

    /// <summary>Records that the lead was reminded of the update due at <paramref name="dueAtUtc"/>.</summary>
    public void RecordUpdateReminder(DateTime dueAtUtc) => UpdateReminderDueAtUtc = dueAtUtc;

    public void FlagLate(DateTime nowUtc) => NotificationLateAtUtc = nowUtc;

    /// <summary>Whether the first notification went out more than 30 minutes after the impact was determined, or has not gone out and is late.</summary>
    public bool NotificationIsLate => NotificationLateAtUtc is not null;
}

/// <summary>A company the incident affects: chosen by an agent, or derived from a linked ticket.</summary>
internal sealed class AffectedCompany
{
    private AffectedCompany()
    {
    }

    public AffectedCompany(long incidentId, long companyId, string companyName, bool fromTicket)
    {
        IncidentId = incidentId;
        CompanyId = companyId;
        CompanyName = companyName;
        FromTicket = fromTicket;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public long CompanyId { get; private set; }

    public string CompanyName { get; private set; } = "";

    /// <summary>Whether it came from a linked ticket rather than an agent's choice.</summary>
    public bool FromTicket { get; private set; }
}

/// <summary>A ticket grouped under the incident (the customers' reports of it).</summary>
internal sealed class LinkedTicket
{
    private LinkedTicket()
    {
    }

    public LinkedTicket(long incidentId, long ticketId, int number, string subject, long companyId, string companyName, DateTime linkedAtUtc)
    {
        IncidentId = incidentId;
        TicketId = ticketId;
        Number = number;
        Subject = subject;
        CompanyId = companyId;
        CompanyName = companyName;
        LinkedAtUtc = linkedAtUtc;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public long TicketId { get; private set; }

    public int Number { get; private set; }

    public string Subject { get; private set; } = "";

    public long CompanyId { get; private set; }

    public string CompanyName { get; private set; } = "";

    public DateTime LinkedAtUtc { get; private set; }
}

/// <summary>What a timeline entry records.</summary>
internal enum TimelineKind
{
    Declared = 0,
    StateChanged = 1,
    TicketLinked = 2,
    CompaniesChanged = 3,
    ImpactDetermined = 4,
    NotificationSent = 5,
    NotificationReminder = 6,
    NotificationLate = 7,
    Note = 8,
    Edited = 9,
    TeamChanged = 10,
    TaskAdded = 11,
    TaskStateChanged = 12,
    ScopeAssessed = 13,
    CadenceSet = 14,
    StatusPublished = 15,
    PostMortemSaved = 16,
    ActionItemAdded = 17,
    ActionItemDone = 18,
    RcaRequested = 19,
    RcaRefused = 20,
    RcaApproved = 21,
    RcaDeclined = 22,
    RcaSent = 23,
    UpdateReminder = 24,
}

/// <summary>One event of the incident's life, in order: the timeline the post-mortem is built from.</summary>
internal sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    public TimelineEntry(long incidentId, DateTime atUtc, TimelineKind kind, string detail, string actor)
    {
        IncidentId = incidentId;
        AtUtc = atUtc;
        Kind = kind;
        Detail = detail;
        Actor = actor;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public TimelineKind Kind { get; private set; }

    /// <summary>What the entry is about: the new state, the ticket number, the companies, the note's text, the subject of a notification.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>Who did it (a member of staff's name, or the workflow).</summary>
    public string Actor { get; private set; } = "";
}

/// <summary>A written notification sent to the impacted customers.</summary>
internal sealed class IncidentNotification
{
    private IncidentNotification()
    {
    }

    public IncidentNotification(long incidentId, string subject, string body, string sentBy, DateTime sentAtUtc)
    {
        IncidentId = incidentId;
        Subject = subject;
        Body = body;
        SentBy = sentBy;
        SentAtUtc = sentAtUtc;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string SentBy { get; private set; } = "";

    public DateTime SentAtUtc { get; private set; }

    public List<NotificationRecipient> Recipients { get; private set; } = [];
}

/// <summary>A customer a notification was sent to.</summary>
internal sealed class NotificationRecipient
{
    private NotificationRecipient()
    {
    }

    public NotificationRecipient(string email, string name, string companyName)
    {
        Email = email;
        Name = name;
        CompanyName = companyName;
    }

    public long Id { get; private set; }

    public long NotificationId { get; private set; }

    public string Email { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string CompanyName { get; private set; } = "";
}

/// <summary>The role a member of staff plays in the incident's teams.</summary>
internal enum IncidentRole
{
    /// <summary>Leads the investigation and resolution team.</summary>
    IncidentLead = 0,

    /// <summary>Leads the customer-notification team: writes and sends the notifications.</summary>
    CommunicationsLead = 1,

    /// <summary>An expert of Development, IT Operations or Management.</summary>
    Expert = 2,
}

/// <summary>The expert teams agents escalate to.</summary>
internal enum ExpertTeam
{
    None = 0,
    Development = 1,
    ItOperations = 2,
    Management = 3,
}

/// <summary>A member of staff in the incident's notification or resolution team.</summary>
internal sealed class TeamMember
{
    private TeamMember()
    {
    }

    public TeamMember(long incidentId, string staffId, string name, string email, IncidentRole role, ExpertTeam team)
    {
        IncidentId = incidentId;
        StaffId = staffId;
        Name = name;
        Email = email;
        Role = role;
        Team = role == IncidentRole.Expert ? team : ExpertTeam.None;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public string StaffId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IncidentRole Role { get; private set; }

    public ExpertTeam Team { get; private set; }
}

/// <summary>Where a task of the resolution plan stands.</summary>
internal enum TaskState
{
    ToDo = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>A step of the resolution plan, with its owner.</summary>
internal sealed class ResolutionTask
{
    private ResolutionTask()
    {
    }

    public ResolutionTask(long incidentId, string title, string ownerId, string ownerName, DateTime createdAtUtc)
    {
        IncidentId = incidentId;
        Title = title.Trim();
        OwnerId = ownerId;
        OwnerName = ownerName;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public string Title { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public TaskState State { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? DoneAtUtc { get; private set; }

    public void MoveTo(TaskState state, DateTime nowUtc)
    {
        State = state;
        DoneAtUtc = state == TaskState.Done ? nowUtc : null;
    }
}

/// <summary>An update published on the portal's status page (and its Atom feed), emailed to the subscribers.</summary>
internal sealed class StatusUpdate
{
    private StatusUpdate()
    {
    }

    public StatusUpdate(long incidentId, IncidentState state, string message, DateTime publishedAtUtc)
    {
        IncidentId = incidentId;
        State = state;
        Message = message.Trim();
        PublishedAtUtc = publishedAtUtc;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    /// <summary>The incident's state when the update was published.</summary>
    public IncidentState State { get; private set; }

    public string Message { get; private set; } = "";

    public DateTime PublishedAtUtc { get; private set; }
}

/// <summary>A customer who asked to receive the status page's updates by email; confirmed by the link sent to the address (double opt-in).</summary>
internal sealed class StatusSubscription
{
    private StatusSubscription()
    {
    }

    public StatusSubscription(string email, DateTime createdAtUtc)
    {
        Email = email.Trim();
        NormalizedEmail = Normalize(email);
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the address's owner confirmed; updates go only to confirmed subscriptions.</summary>
    public DateTime? ConfirmedAtUtc { get; private set; }

    public void Confirm(DateTime nowUtc) => ConfirmedAtUtc ??= nowUtc;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>The post-mortem (major problem review) of a resolved incident, held with all participants.</summary>
internal sealed class PostMortem
{
    private PostMortem()
    {
    }

    public PostMortem(long incidentId) => IncidentId = incidentId;

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public string Participants { get; private set; } = "";

    public string WentWell { get; private set; } = "";

    public string WentBadly { get; private set; } = "";

    public string RootCauses { get; private set; } = "";

    public string ContributingFactors { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Record(string participants, string wentWell, string wentBadly, string rootCauses, string contributingFactors, string by, DateTime nowUtc)
    {
        Participants = participants.Trim();
        WentWell = wentWell.Trim();
        WentBadly = wentBadly.Trim();
        RootCauses = rootCauses.Trim();
        ContributingFactors = contributingFactors.Trim();
        UpdatedBy = by;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>A measure of the post-mortem's action plan against recurrence, with its owner and due date, tracked to done.</summary>
internal sealed class ActionItem
{
    private ActionItem()
    {
    }

    public ActionItem(long incidentId, string title, string ownerId, string ownerName, DateOnly dueOn, DateTime createdAtUtc)
    {
        IncidentId = incidentId;
        Title = title.Trim();
        OwnerId = ownerId;
        OwnerName = ownerName;
        DueOn = dueOn;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public string Title { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? DoneAtUtc { get; private set; }

    public void MarkDone(DateTime nowUtc) => DoneAtUtc ??= nowUtc;

    public void Reopen() => DoneAtUtc = null;
}

/// <summary>Where a customer's request for the RCA report stands.</summary>
internal enum RcaRequestState
{
    /// <summary>From a contact of an impacted company; waits for an agent.</summary>
    Pending = 0,

    /// <summary>The address is not a contact of an impacted company: refused at once, the refusal emailed.</summary>
    Refused = 1,

    /// <summary>An agent declined it, with a reason emailed to the customer.</summary>
    Declined = 2,

    /// <summary>An agent approved it; the report went out by email.</summary>
    Sent = 3,
}

/// <summary>A customer's request, from the status page, for the RCA report of a resolved incident.</summary>
internal sealed class RcaRequest
{
    private RcaRequest()
    {
    }

    public RcaRequest(long incidentId, string email, string ticketNumber, string message, string language, string companyName, bool eligible, DateTime nowUtc)
    {
        IncidentId = incidentId;
        Email = email.Trim();
        NormalizedEmail = StatusSubscription.Normalize(email);
        TicketNumber = ticketNumber.Trim();
        Message = message.Trim();
        Language = language;
        CompanyName = companyName;
        RequestedAtUtc = nowUtc;
        State = eligible ? RcaRequestState.Pending : RcaRequestState.Refused;
        DecidedAtUtc = eligible ? null : nowUtc;
    }

    public long Id { get; private set; }

    public long IncidentId { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    /// <summary>The ticket number the customer gave, if any (free text: shown to the agent, never trusted).</summary>
    public string TicketNumber { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>The portal language the customer used ("fr" or "en"): the report is written in it.</summary>
    public string Language { get; private set; } = "fr";

    /// <summary>The impacted company the address belongs to (empty when refused).</summary>
    public string CompanyName { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public RcaRequestState State { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string DecidedBy { get; private set; } = "";

    /// <summary>Why an agent declined it.</summary>
    public string Reason { get; private set; } = "";

    public void Approve(string by, DateTime nowUtc)
    {
        State = RcaRequestState.Sent;
        DecidedBy = by;
        DecidedAtUtc = nowUtc;
    }

    public void Decline(string reason, string by, DateTime nowUtc)
    {
        State = RcaRequestState.Declined;
        Reason = reason.Trim();
        DecidedBy = by;
        DecidedAtUtc = nowUtc;
    }
}

/// <summary>An admin's wording of a notification template (first notification, update, resolution) in one language; the default wording applies where there is none.</summary>
internal sealed class NotificationTemplate
{
    private NotificationTemplate()
    {
    }

    public NotificationTemplate(string key, string language)
    {
        Key = key;
        Language = language;
    }

    public long Id { get; private set; }

    /// <summary>initial, update or resolved.</summary>
    public string Key { get; private set; } = "";

    /// <summary>fr or en.</summary>
    public string Language { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public void Edit(string subject, string body, string by, DateTime nowUtc)
    {
        Subject = subject.Trim();
        Body = body.Trim();
        UpdatedBy = by;
        UpdatedAtUtc = nowUtc;
    }
}
