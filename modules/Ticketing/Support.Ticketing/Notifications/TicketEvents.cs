using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Notifications;

/// <summary>Raises the module's integration events through its outbox, each carrying the ticket's snapshot.</summary>
internal sealed class TicketEvents
{
    private readonly TicketingDbContext _db;
    private readonly HelpTopicCatalog _helpTopics;
    private readonly Dictionary<long, string> _topicKeys = [];
    private readonly Dictionary<long, Company> _companies = [];

    public TicketEvents(TicketingDbContext db, HelpTopicCatalog helpTopics)
    {
        _db = db;
        _helpTopics = helpTopics;
    }

    /// <summary>Reads the help topic's key ahead, so that raising the events later (inside a write transaction) reads nothing.</summary>
    public async Task PrepareAsync(long helpTopicId, CancellationToken cancellationToken) =>
        await TopicKeyAsync(helpTopicId, cancellationToken);

    /// <summary>The ticket was opened for <paramref name="company"/> (which it carries, so the snapshot reads nothing more after <see cref="PrepareAsync"/>).</summary>
    public async Task OpenedAsync(Ticket ticket, Company company, DateTime now, CancellationToken cancellationToken)
    {
        _companies[company.Id] = company;
        _db.AddIntegrationEvent(new TicketOpenedEvent(Guid.NewGuid(), now, await SnapshotAsync(ticket, now, cancellationToken), ticket.Channel));
    }

    public async Task CustomerRepliedAsync(Ticket ticket, long entryId, DateTime now, CancellationToken cancellationToken) =>
        _db.AddIntegrationEvent(new CustomerRepliedEvent(Guid.NewGuid(), now, await SnapshotAsync(ticket, now, cancellationToken), entryId));

    public async Task AgentRepliedAsync(Ticket ticket, long entryId, string agentId, bool firstReply, DateTime now, CancellationToken cancellationToken) =>
        _db.AddIntegrationEvent(new AgentRepliedEvent(Guid.NewGuid(), now, await SnapshotAsync(ticket, now, cancellationToken), entryId, agentId, firstReply));

    /// <summary>The status change, followed by "closed" when the ticket was closed or "reopened" when it left Closed.</summary>
    public async Task StatusChangedAsync(Ticket ticket, TicketStatus previous, bool byCustomer, DateTime now, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(ticket, now, cancellationToken);
        _db.AddIntegrationEvent(new TicketStatusChangedEvent(Guid.NewGuid(), now, snapshot, previous));
        if (ticket.Status == TicketStatus.Closed)
        {
            _db.AddIntegrationEvent(new TicketClosedEvent(Guid.NewGuid(), now, snapshot));
        }
        else if (previous == TicketStatus.Closed)
        {
            _db.AddIntegrationEvent(new TicketReopenedEvent(Guid.NewGuid(), now, snapshot, byCustomer));
        }
    }

    public async Task SeverityChangedAsync(Ticket ticket, TicketSeverity previous, DateTime now, CancellationToken cancellationToken) =>
        _db.AddIntegrationEvent(new TicketSeverityChangedEvent(Guid.NewGuid(), now, await SnapshotAsync(ticket, now, cancellationToken), previous));

    public async Task AssignedAsync(Ticket ticket, SupportTeam previousTeam, string? previousAgentId, DateTime now, CancellationToken cancellationToken) =>
        _db.AddIntegrationEvent(new TicketAssignedEvent(Guid.NewGuid(), now, await SnapshotAsync(ticket, now, cancellationToken), previousTeam, previousAgentId));

    public async Task SlaClocksChangedAsync(Ticket ticket, DateTime now, CancellationToken cancellationToken) =>
        _db.AddIntegrationEvent(new SlaClocksChangedEvent(Guid.NewGuid(), now, await SnapshotAsync(ticket, now, cancellationToken), ticket.SlaClock, ticket.SlaDueAtUtc, ticket.SlaWarnAtUtc));

    /// <summary>The SLA workflow's alert for the ticket's current due time: a warning or a breach.</summary>
    public async Task SlaAlertAsync(Ticket ticket, string kind, DateTime now, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(ticket, now, cancellationToken);
        _db.AddIntegrationEvent(kind == "Warning"
            ? new SlaWarningEvent(Guid.NewGuid(), now, snapshot, ticket.SlaClock!, ticket.SlaDueAtUtc!.Value)
            : new SlaBreachedEvent(Guid.NewGuid(), now, snapshot, ticket.SlaClock!, ticket.SlaDueAtUtc!.Value));
    }

    /// <summary>The ticket as events carry it; the help topic's key and the company are read once per scope, however many events a change raises.</summary>
    private async Task<TicketSnapshot> SnapshotAsync(Ticket ticket, DateTime now, CancellationToken cancellationToken)
    {
        var topicKey = await TopicKeyAsync(ticket.HelpTopicId, cancellationToken);
        if (!_companies.TryGetValue(ticket.CompanyId, out var company))
        {
            company = await _db.Companies.AsNoTracking().SingleAsync(c => c.Id == ticket.CompanyId, cancellationToken);
            _companies[ticket.CompanyId] = company;
        }

        return ticket.Snapshot(topicKey, company.ContractInForce(DateOnly.FromDateTime(now)));
    }

    private async Task<string> TopicKeyAsync(long helpTopicId, CancellationToken cancellationToken)
    {
        if (!_topicKeys.TryGetValue(helpTopicId, out var topicKey))
        {
            topicKey = (await _helpTopics.AllAsync(_db, cancellationToken)).First(h => h.Id == helpTopicId).Key;
            _topicKeys[helpTopicId] = topicKey;
        }

        return topicKey;
    }
}
