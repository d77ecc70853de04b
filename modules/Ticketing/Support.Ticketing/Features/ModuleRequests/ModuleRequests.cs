using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Features.CustomerTicket;
using Support.Ticketing.Notifications;
using Support.Ticketing.Portal;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Features.ModuleRequests;

/// <summary>Reads a ticket's summary for other modules.</summary>
internal sealed class TicketSummaries
{
    private readonly TicketingDbContext _db;
    private readonly TicketMail _mail;
    private readonly PortalUrls _urls;

    public TicketSummaries(TicketingDbContext db, TicketMail mail, PortalUrls urls)
    {
        _db = db;
        _mail = mail;
        _urls = urls;
    }

    public async Task<TicketSummary?> ReadAsync(long? id, int? number, CancellationToken cancellationToken)
    {
        var ticket = id is { } ticketId
            ? await _db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            : number is { } n ? await _db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Number == n, cancellationToken) : null;
        if (ticket is null)
        {
            return null;
        }

        var recipients = await _mail.StaffRecipientsAsync(ticket.Team, ticket.AssignedAgentId, cancellationToken);
        var region = await _db.Companies.AsNoTracking().Where(c => c.Id == ticket.CompanyId).Select(c => c.Region).FirstOrDefaultAsync(cancellationToken);
        return new TicketSummary(
            ticket.Id, ticket.DisplayNumber, ticket.Subject, ticket.Status, ticket.Severity, ticket.Team, ticket.CustomerName,
            ticket.CustomerEmail, ticket.CompanyName, ticket.Language, _urls.StaffTicket(ticket.DisplayNumber),
            [.. recipients.Select(r => r.Email).Where(e => e.Length > 0)], region);
    }
}

internal sealed class TicketSummaryQueryHandler(TicketSummaries summaries) : IRequestHandler<TicketSummaryQuery, TicketSummary?>
{
    public Task<TicketSummary?> Handle(TicketSummaryQuery request, CancellationToken cancellationToken) =>
        summaries.ReadAsync(request.TicketId, request.Number, cancellationToken);
}

internal sealed class CustomerSessionTicketQueryHandler(IHttpContextAccessor http, CustomerAccess access, CustomerGrants grants, TicketSummaries summaries)
    : IRequestHandler<CustomerSessionTicketQuery, TicketSummary?>
{
    public async Task<TicketSummary?> Handle(CustomerSessionTicketQuery request, CancellationToken cancellationToken)
    {
        if (http.HttpContext is not { } context || access.Read(context) is not { } grant || !await grants.IsValidAsync(grant, cancellationToken))
        {
            return null;
        }

        return await summaries.ReadAsync(grant.TicketId, null, cancellationToken);
    }
}

internal sealed class RecordTicketTimelineHandler(TicketingDbContext db, TimeProvider clock) : IRequestHandler<RecordTicketTimelineCommand, bool>
{
    public async Task<bool> Handle(RecordTicketTimelineCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == request.TicketId, cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        ticket.RecordTimeline(request.TextFr, request.TextEn, request.Actor, request.ActorStaffId, clock.GetUtcNow().UtcDateTime);
        return true;
    }
}

internal sealed class ReclassifyTicketSeverityHandler(TicketingDbContext db, TicketEvents events, SlaClocks sla, TimeProvider clock)
    : IRequestHandler<ReclassifyTicketSeverityCommand, bool>
{
    public async Task<bool> Handle(ReclassifyTicketSeverityCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == request.TicketId, cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var previous = ticket.Severity;
        if (ticket.ChangeSeverity(request.Severity, request.Actor, request.ActorStaffId, now) && ticket.Severity != previous)
        {
            await events.SeverityChangedAsync(ticket, previous, now, cancellationToken);
        }

        await sla.UpdateAsync(ticket, now, cancellationToken);
        return true;
    }
}

internal sealed class PortalAddressQueryHandler(PortalUrls urls) : IRequestHandler<PortalAddressQuery, string>
{
    public Task<string> Handle(PortalAddressQuery request, CancellationToken cancellationToken) => Task.FromResult(urls.Absolute(request.Path));
}

internal sealed class AssignTicketTeamHandler(TicketingDbContext db, TicketEvents events, TimeProvider clock) : IRequestHandler<AssignTicketTeamCommand, bool>
{
    public async Task<bool> Handle(AssignTicketTeamCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == request.TicketId, cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.TimelineFr is { } fr && request.TimelineEn is { } en)
        {
            ticket.RecordTimeline(fr, en, request.Actor, request.ActorStaffId, now);
        }

        var (previousTeam, previousAgent) = (ticket.Team, ticket.AssignedAgentId);
        // A new team picks the ticket up; within the same team the agent keeps it.
        var (agentId, agentName) = request.Team == ticket.Team ? (ticket.AssignedAgentId, ticket.AssignedAgentName) : (null, null);
        if (ticket.Assign(request.Team, agentId, agentName, request.Actor, request.ActorStaffId, now))
        {
            await events.AssignedAsync(ticket, previousTeam, previousAgent, now, cancellationToken);
        }

        return true;
    }
}
