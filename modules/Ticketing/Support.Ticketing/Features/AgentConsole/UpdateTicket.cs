using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Staff;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;
using Support.Ticketing.Notifications;

namespace Support.Ticketing.Features.AgentConsole;

/// <summary>The ticket's properties as the agent set them on the ticket page; only what changed is recorded.</summary>
internal sealed record UpdateTicketCommand(
    int Number,
    Agent Agent,
    SupportTeam Team,
    string? AssignedAgentId,
    TicketStatus Status,
    TicketPriority Priority,
    TicketSeverity Severity,
    long HelpTopicId,
    long CompanyId) : IRequest<Unit>;

internal sealed class UpdateTicketValidator : AbstractValidator<UpdateTicketCommand>
{
    public UpdateTicketValidator(IStringLocalizer<TicketingResource> t, TicketingDbContext db, IStaffDirectory staff)
    {
        RuleFor(c => c.Team).IsInEnum().WithMessage(t["Choose a team from the list."]);
        RuleFor(c => c.Status).IsInEnum().WithMessage(t["Choose a status from the list."]);
        RuleFor(c => c.Priority).IsInEnum().WithMessage(t["Choose a priority level from the list."]);
        RuleFor(c => c.Severity).IsInEnum().WithMessage(t["Choose a severity from the list."]);
        RuleFor(c => c.HelpTopicId).MustAsync((id, ct) => db.HelpTopics.AnyAsync(h => h.Id == id, ct)).WithMessage(t["Choose a help topic from the list."]);
        RuleFor(c => c.CompanyId).MustAsync((id, ct) => db.Companies.AnyAsync(c => c.Id == id, ct)).WithMessage(t["Choose a company from the list."]);
        RuleFor(c => c.AssignedAgentId)
            .MustAsync(async (id, ct) => string.IsNullOrEmpty(id) || await staff.FindAsync(id, ct) is not null)
            .WithMessage(t["Choose an agent from the list."]);
    }
}

internal sealed class UpdateTicketHandler : IRequestHandler<UpdateTicketCommand, Unit>
{
    private readonly TicketingDbContext _db;
    private readonly IStaffDirectory _staff;
    private readonly TicketEvents _events;
    private readonly TicketMail _mail;
    private readonly TimeProvider _clock;
    private readonly SlaClocks _sla;

    public UpdateTicketHandler(TicketingDbContext db, IStaffDirectory staff, TicketEvents events, TicketMail mail, SlaClocks sla, TimeProvider clock)
    {
        _db = db;
        _staff = staff;
        _events = events;
        _mail = mail;
        _clock = clock;
        _sla = sla;
    }

    public async Task<Unit> Handle(UpdateTicketCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var ticket = await _db.Tickets.SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken)
            ?? throw new TicketNotFoundException(request.Number);
        var (actor, actorId) = (request.Agent.Name, request.Agent.Id);

        var previousTeam = ticket.Team;
        var previousAgent = ticket.AssignedAgentId;
        var agent = string.IsNullOrEmpty(request.AssignedAgentId) ? null : await _staff.FindAsync(request.AssignedAgentId, cancellationToken);
        if (ticket.Assign(request.Team, agent?.Id, agent?.DisplayName, actor, actorId, now))
        {
            await _events.AssignedAsync(ticket, previousTeam, previousAgent, now, cancellationToken);
        }

        var previousSeverity = ticket.Severity;
        if (ticket.ChangeSeverity(request.Severity, actor, actorId, now) && ticket.Severity != previousSeverity)
        {
            await _events.SeverityChangedAsync(ticket, previousSeverity, now, cancellationToken);
        }

        ticket.ChangePriority(request.Priority, actor, actorId, now);
        if (request.HelpTopicId != ticket.HelpTopicId)
        {
            var previous = await _db.HelpTopics.SingleAsync(h => h.Id == ticket.HelpTopicId, cancellationToken);
            var topic = await _db.HelpTopics.SingleAsync(h => h.Id == request.HelpTopicId, cancellationToken);
            ticket.ChangeHelpTopic(topic, previous.Key, actor, actorId, now);
        }

        if (request.CompanyId != ticket.CompanyId)
        {
            ticket.ChangeCompany(await _db.Companies.SingleAsync(c => c.Id == request.CompanyId, cancellationToken), actor, actorId, now);
        }

        var previousStatus = ticket.Status;
        if (ticket.ChangeStatus(request.Status, actor, actorId, now))
        {
            await _events.StatusChangedAsync(ticket, previousStatus, byCustomer: false, now, cancellationToken);
            if (ticket.Status == TicketStatus.Closed)
            {
                _mail.TicketClosed(ticket, _mail.IssueAccessLink(ticket, now));
            }
        }

        await _sla.UpdateAsync(ticket, now, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Revokes one access link (or all of a ticket's links): whoever holds it loses access at once.</summary>
internal sealed record RevokeAccessLinksCommand(int Number, Agent Agent, long? AccessLinkId) : IRequest<int>;

internal sealed class RevokeAccessLinksHandler : IRequestHandler<RevokeAccessLinksCommand, int>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public RevokeAccessLinksHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<int> Handle(RevokeAccessLinksCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var ticket = await _db.Tickets.SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken)
            ?? throw new TicketNotFoundException(request.Number);
        var links = await _db.AccessLinks
            .Where(l => l.TicketId == ticket.Id && l.RevokedAtUtc == null && (request.AccessLinkId == null || l.Id == request.AccessLinkId))
            .ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.Revoke(now);
        }

        if (links.Count > 0)
        {
            ticket.RecordEvent(TicketChange.AccessLinkRevoked, links.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Agent.Name, request.Agent.Id, now);
        }

        return links.Count;
    }
}
