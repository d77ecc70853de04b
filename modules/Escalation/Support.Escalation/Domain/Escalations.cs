using System.Buffers.Text;
using System.Security.Cryptography;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Domain;

/// <summary>The regions that have their own chain of escalation contacts.</summary>
internal enum Region
{
    Europe = 0,
    NorthAmerica = 1,
}

/// <summary>The role of an escalation contact, in the order the chain calls them.</summary>
internal enum ContactRole
{
    SupportDesk = 0,
    CustomerServiceManager = 1,
    Director = 2,
}

/// <summary>The expert teams agents hand tickets off to.</summary>
internal enum ExpertTeam
{
    Development = 0,
    ItOperations = 1,
    Management = 2,
}

/// <summary>One link of a region's escalation chain: who is called at that level, and how to reach them.</summary>
internal sealed class EscalationContact
{
    private EscalationContact()
    {
    }

    public EscalationContact(Region region, int level, ContactRole role, string name, string phone, string email, string hours)
    {
        Region = region;
        Update(level, role, name, phone, email, hours);
    }

    public long Id { get; private set; }

    public Region Region { get; private set; }

    /// <summary>The order in the chain: 1 is called first.</summary>
    public int Level { get; private set; }

    public ContactRole Role { get; private set; }

    public string Name { get; private set; } = "";

    public string Phone { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>When the contact can be reached, as written by the admin (e.g. "Mon–Fri 8:00–18:00 CET").</summary>
    public string Hours { get; private set; } = "";

    public void Update(int level, ContactRole role, string name, string phone, string email, string hours)
    {
        Level = level;
        Role = role;
        Name = name;
        Phone = phone;
        Email = email;
        Hours = hours;
    }

    public void MoveTo(Region region) => Region = region;
}

/// <summary>Where an expert team is told about the tickets handed off to it.</summary>
internal sealed class ExpertTeamAddress
{
    private ExpertTeamAddress()
    {
    }

    public ExpertTeamAddress(ExpertTeam team, string email)
    {
        Team = team;
        Email = email;
    }

    public ExpertTeam Team { get; private set; }

    public string Email { get; set; } = "";
}

/// <summary>Why a ticket was escalated up the contact chain.</summary>
internal enum EscalationSource
{
    /// <summary>The customer asked for it on the portal.</summary>
    CustomerRequest = 0,

    /// <summary>An SLA target was missed.</summary>
    SlaBreach = 1,
}

internal enum EscalationStatus
{
    /// <summary>Waiting for a contact (or an agent) to acknowledge it.</summary>
    Open = 0,

    Acknowledged = 1,

    /// <summary>Every contact of the chain was called and none acknowledged.</summary>
    ChainExhausted = 2,
}

/// <summary>
/// A ticket's escalation up the contact chain: opened by a customer's request or an SLA breach, moved up a level each
/// time a contact lets the acknowledgement time pass, ended by an acknowledgement.
/// </summary>
internal sealed class TicketEscalation
{
    private TicketEscalation()
    {
    }

    public TicketEscalation(long ticketId, string number, EscalationSource source, string reason, Region region, DateTime now)
    {
        TicketId = ticketId;
        Number = number;
        Source = source;
        Reason = reason;
        Region = region;
        OpenedAtUtc = now;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Number { get; private set; } = "";

    public EscalationSource Source { get; private set; }

    public string Reason { get; private set; } = "";

    public Region Region { get; private set; }

    /// <summary>The level of the chain reached: 0 until the first contact is called.</summary>
    public int Level { get; private set; }

    public EscalationStatus Status { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public void MoveTo(int level) => Level = level;

    public void Exhaust() => Status = EscalationStatus.ChainExhausted;

    /// <summary>Acknowledges the escalation if it is still open; false when it was already acknowledged.</summary>
    public bool Acknowledge(string by, DateTime now)
    {
        if (Status == EscalationStatus.Acknowledged)
        {
            return false;
        }

        Status = EscalationStatus.Acknowledged;
        AcknowledgedAtUtc = now;
        AcknowledgedBy = by;
        return true;
    }
}

/// <summary>
/// A contact called for an escalation, with the acknowledgement link emailed to them. Only the SHA-256 of the link's
/// token is stored; the link works once, until it expires.
/// </summary>
internal sealed class ContactCall
{
    private ContactCall()
    {
    }

    public long Id { get; private set; }

    public long EscalationId { get; private set; }

    public int Level { get; private set; }

    public ContactRole Role { get; private set; }

    public string ContactName { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    public DateTime CalledAtUtc { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? UsedAtUtc { get; private set; }

    /// <summary>Records the call and returns the token to put in the email (never stored).</summary>
    public static (ContactCall Call, string Token) Issue(TicketEscalation escalation, EscalationContact contact, DateTime now, TimeSpan lifetime)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (new ContactCall
        {
            EscalationId = escalation.Id,
            Level = contact.Level,
            Role = contact.Role,
            ContactName = contact.Name,
            ContactEmail = contact.Email,
            CalledAtUtc = now,
            TokenHash = Hash(token),
            ExpiresAtUtc = now + lifetime,
        }, token);
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    /// <summary>Compares in constant time, so the comparison leaks nothing about a guessed token.</summary>
    public bool Matches(string token) => CryptographicOperations.FixedTimeEquals(TokenHash, Hash(token));

    public void MarkUsed(DateTime now) => UsedAtUtc = now;
}

internal enum ReclassificationStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>A customer's request to change their ticket's severity, and the agent's answer.</summary>
internal sealed class ReclassificationRequest
{
    private ReclassificationRequest()
    {
    }

    public ReclassificationRequest(long ticketId, string number, TicketSeverity current, TicketSeverity wanted, string justification, DateTime now)
    {
        TicketId = ticketId;
        Number = number;
        CurrentSeverity = current;
        WantedSeverity = wanted;
        Justification = justification;
        RequestedAtUtc = now;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Number { get; private set; } = "";

    public TicketSeverity CurrentSeverity { get; private set; }

    public TicketSeverity WantedSeverity { get; private set; }

    public string Justification { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public ReclassificationStatus Status { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DeclineReason { get; private set; }

    public void Accept(string agent, DateTime now)
    {
        Status = ReclassificationStatus.Accepted;
        DecidedBy = agent;
        DecidedAtUtc = now;
    }

    public void Decline(string agent, string reason, DateTime now)
    {
        Status = ReclassificationStatus.Declined;
        DecidedBy = agent;
        DecidedAtUtc = now;
        DeclineReason = reason;
    }
}

/// <summary>An agent's hand-off of a ticket to an expert team, with the note that tells the team what is known.</summary>
internal sealed class TeamHandOff
{
    private TeamHandOff()
    {
    }

    public TeamHandOff(long ticketId, string number, ExpertTeam team, int level, string note, string agentName, string? agentId, DateTime now)
    {
        TicketId = ticketId;
        Number = number;
        Team = team;
        Level = level;
        Note = note;
        AgentName = agentName;
        AgentId = agentId;
        AtUtc = now;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Number { get; private set; } = "";

    public ExpertTeam Team { get; private set; }

    /// <summary>The ticket's escalation level after the hand-off: 2 for the first (level 1 is the support desk).</summary>
    public int Level { get; private set; }

    public string Note { get; private set; } = "";

    public string AgentName { get; private set; } = "";

    public string? AgentId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>The chain every installation starts with; admins replace the names and addresses.</summary>
internal static class DefaultContacts
{
    public static IEnumerable<object> Seed() =>
    [
        new { Id = 1L, Region = Region.Europe, Level = 1, Role = ContactRole.SupportDesk, Name = "Support desk Europe", Phone = "+33 1 00 00 00 01", Email = "support.europe@example.com", Hours = "24/7" },
        new { Id = 2L, Region = Region.Europe, Level = 2, Role = ContactRole.CustomerServiceManager, Name = "Customer-service manager Europe", Phone = "+33 1 00 00 00 02", Email = "service.manager.europe@example.com", Hours = "Mon–Fri 08:00–18:00 CET" },
        new { Id = 3L, Region = Region.Europe, Level = 3, Role = ContactRole.Director, Name = "Director Europe", Phone = "+33 1 00 00 00 03", Email = "director.europe@example.com", Hours = "Mon–Fri 09:00–17:00 CET" },
        new { Id = 4L, Region = Region.NorthAmerica, Level = 1, Role = ContactRole.SupportDesk, Name = "Support desk North America", Phone = "+1 555 000 0001", Email = "support.na@example.com", Hours = "24/7" },
        new { Id = 5L, Region = Region.NorthAmerica, Level = 2, Role = ContactRole.CustomerServiceManager, Name = "Customer-service manager North America", Phone = "+1 555 000 0002", Email = "service.manager.na@example.com", Hours = "Mon–Fri 08:00–18:00 ET" },
        new { Id = 6L, Region = Region.NorthAmerica, Level = 3, Role = ContactRole.Director, Name = "Director North America", Phone = "+1 555 000 0003", Email = "director.na@example.com", Hours = "Mon–Fri 09:00–17:00 ET" },
    ];
}
