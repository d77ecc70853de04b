using Support.Ticketing.Contracts;

namespace Support.Ticketing.Domain;

/// <summary>Time an agent spent on a ticket: one intervention.</summary>
internal sealed class TimeEntry
{
    private TimeEntry()
    {
    }

    public TimeEntry(long ticketId, long companyId, string agentId, string agentName, int minutes, string? note, bool billable, DateOnly workedOn, DateTime createdAtUtc)
    {
        TicketId = ticketId;
        CompanyId = companyId;
        AgentId = agentId;
        AgentName = agentName;
        Minutes = minutes;
        Note = note;
        Billable = billable;
        WorkedOn = workedOn;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    /// <summary>The company billed: the ticket's company when the time was recorded.</summary>
    public long CompanyId { get; private set; }

    public string AgentId { get; private set; } = "";

    public string AgentName { get; private set; } = "";

    public int Minutes { get; private set; }

    public string? Note { get; private set; }

    public bool Billable { get; private set; }

    public DateOnly WorkedOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>A member of staff in a team; the team's members receive its ticket notifications.</summary>
internal sealed class TeamMember
{
    private TeamMember()
    {
    }

    public TeamMember(SupportTeam team, string staffId)
    {
        Team = team;
        StaffId = staffId;
    }

    public long Id { get; private set; }

    public SupportTeam Team { get; private set; }

    public string StaffId { get; private set; } = "";
}

/// <summary>
/// A period during which a member of staff is on call: critical situations reported in it alert them
/// at once, whatever their team. Periods may overlap (two agents on call at the same time).
/// </summary>
internal sealed class OnCallShift
{
    private OnCallShift()
    {
    }

    public OnCallShift(string staffId, DateTime startsAtUtc, DateTime endsAtUtc)
    {
        StaffId = staffId;
        StartsAtUtc = startsAtUtc;
        EndsAtUtc = endsAtUtc;
    }

    public long Id { get; private set; }

    public string StaffId { get; private set; } = "";

    public DateTime StartsAtUtc { get; private set; }

    public DateTime EndsAtUtc { get; private set; }
}

/// <summary>An admin setting of the Ticketing module, stored as text.</summary>
internal sealed class TicketingSetting
{
    public const string ReopenOnCustomerReply = "ReopenOnCustomerReply";

    private TicketingSetting()
    {
    }

    public TicketingSetting(string key, string value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; private set; } = "";

    public string Value { get; set; } = "";
}
