using MediatR;
using Support.Kernel.Contracts;
using Microsoft.EntityFrameworkCore;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Features.CustomerTicket;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Features.AgentConsole;

/// <summary>Everything an agent sees on a ticket's page.</summary>
internal sealed record AgentTicketQuery(int Number) : IQuery<AgentTicketView?>;

/// <summary>A value a channel plugin captured, as its plugin wants agents to see it.</summary>
/// <param name="Key">The field's key.</param>
/// <param name="Value">The value as stored.</param>
/// <param name="Label">The field's label in the reader's language (the key when its plugin is not loaded).</param>
/// <param name="Display">How its plugin shows it.</param>
internal sealed record CapturedField(string Key, string Value, string Label, CapturedValueDisplay Display);

/// <summary>One line of the audit trail.</summary>
internal sealed record ChangeView(DateTime AtUtc, string Actor, string Field, string? OldValue, string? NewValue);

/// <summary>An access link as agents see it: never the token, only its state.</summary>
internal sealed record AccessLinkView(long Id, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc);

/// <summary>A time entry on the ticket.</summary>
internal sealed record TimeEntryView(DateOnly WorkedOn, string AgentName, int Minutes, string? Note, bool Billable);

internal sealed record AgentTicketView(
    long Id,
    string Number,
    string Subject,
    TicketStatus Status,
    TicketPriority Priority,
    TicketSeverity Severity,
    bool SeverityClassified,
    bool CriticalSituation,
    long HelpTopicId,
    long CompanyId,
    string CompanyName,
    bool CompanyHasContract,
    string CustomerName,
    string CustomerEmail,
    string CustomerPhone,
    string? Department,
    string Channel,
    SupportTeam Team,
    string? AssignedAgentId,
    string? AssignedAgentName,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    DateTime? FirstAgentReplyAtUtc,
    IReadOnlyList<ThreadEntryView> Thread,
    IReadOnlyList<ChangeView> Changes,
    IReadOnlyList<CapturedField> Fields,
    IReadOnlyList<AccessLinkView> AccessLinks,
    IReadOnlyList<TimeEntryView> TimeEntries,
    SlaView Sla);

internal sealed class AgentTicketQueryHandler : IRequestHandler<AgentTicketQuery, AgentTicketView?>
{
    private readonly TicketingDbContext _db;
    private readonly IEnumerable<ITicketFieldContributor> _contributors;
    private readonly TimeProvider _clock;

    public AgentTicketQueryHandler(TicketingDbContext db, IEnumerable<ITicketFieldContributor> contributors, TimeProvider clock)
    {
        _db = db;
        _contributors = contributors;
        _clock = clock;
    }

    public async Task<AgentTicketView?> Handle(AgentTicketQuery request, CancellationToken cancellationToken)
    {
        var ticket = await _db.Tickets.AsNoTracking().Include(t => t.Fields).SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var company = await _db.Companies.AsNoTracking().SingleAsync(c => c.Id == ticket.CompanyId, cancellationToken);
        var thread = await TicketThread.ReadAsync(_db, ticket.Id, includeInternalNotes: true, cancellationToken);
        var changes = await _db.TicketChanges.AsNoTracking().Where(c => c.TicketId == ticket.Id).OrderBy(c => c.Id)
            .Select(c => new ChangeView(c.AtUtc, c.Actor, c.Field, c.OldValue, c.NewValue)).ToListAsync(cancellationToken);
        var links = await _db.AccessLinks.AsNoTracking().Where(l => l.TicketId == ticket.Id).OrderByDescending(l => l.Id)
            .Select(l => new AccessLinkView(l.Id, l.CreatedAtUtc, l.ExpiresAtUtc, l.RevokedAtUtc, l.LastUsedAtUtc)).ToListAsync(cancellationToken);
        var time = await _db.TimeEntries.AsNoTracking().Where(e => e.TicketId == ticket.Id).OrderBy(e => e.Id)
            .Select(e => new TimeEntryView(e.WorkedOn, e.AgentName, e.Minutes, e.Note, e.Billable)).ToListAsync(cancellationToken);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var fields = ticket.Fields
            .Select(f => (Value: f, Owner: ContributedFields.Owner(_contributors, f.Key)))
            .Select(f => f.Owner is null
                ? new CapturedField(f.Value.Key, f.Value.Value, f.Value.Key, new CapturedValueDisplay(f.Value.Value, null, null))
                : new CapturedField(f.Value.Key, f.Value.Value, ValidationRules.Pick(f.Owner.Fields.First(x => x.Key == f.Value.Key).Label, culture), f.Owner.Display(f.Value.Key, f.Value.Value)))
            .ToList();
        return new AgentTicketView(
            ticket.Id, ticket.DisplayNumber, ticket.Subject, ticket.Status, ticket.Priority, ticket.Severity, ticket.SeverityClassified,
            ticket.CriticalSituation, ticket.HelpTopicId, ticket.CompanyId, ticket.CompanyName, company.ContractInForce(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)),
            ticket.CustomerName, ticket.CustomerEmail, ticket.CustomerPhone, ticket.Department, ticket.Channel, ticket.Team,
            ticket.AssignedAgentId, ticket.AssignedAgentName, ticket.CreatedAtUtc, ticket.UpdatedAtUtc, ticket.FirstAgentReplyAtUtc,
            thread, changes, fields, links, time, SlaView.Of(ticket, _clock.GetUtcNow().UtcDateTime));
    }
}
