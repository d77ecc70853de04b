namespace Support.Ticketing.Contracts;

/// <summary>Where a ticket stands.</summary>
public enum TicketStatus
{
    /// <summary>Support is working on it.</summary>
    Open = 0,

    /// <summary>Support asked the customer something and waits for the answer (SLA clocks pause).</summary>
    AwaitingCustomer = 1,

    /// <summary>Solved; a customer reply may reopen it.</summary>
    Closed = 2,
}

/// <summary>How urgent the customer says the ticket is (the portal's "priority level").</summary>
public enum TicketPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Emergency = 3,
}

/// <summary>The impact an agent assigns after reading the request; it selects the SLA targets.</summary>
public enum TicketSeverity
{
    /// <summary>Questions, minor defects, enhancements, anything about a non-production system: 4 business hours.</summary>
    Normal = 0,

    /// <summary>Production substantially restricted or significantly degraded: 2 hours, 24/7.</summary>
    Serious = 1,

    /// <summary>The whole system is down in production: 1 hour, 24/7, and must also be phoned in.</summary>
    Critical = 2,
}

/// <summary>The teams a ticket can be assigned to.</summary>
public enum SupportTeam
{
    Support = 0,
    Development = 1,
    ItOperations = 2,
    Management = 3,
}

/// <summary>The region a customer company is served from: it selects the escalation contacts called for its tickets.</summary>
public enum SupportRegion
{
    Europe = 0,
    NorthAmerica = 1,
}
