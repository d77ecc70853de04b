using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Support.Escalation.Contracts;
using Support.Escalation.Data;
using Support.Escalation.Domain;
using Support.Escalation.Notifications;
using Support.Escalation.Web;
using Support.Kernel.Contracts;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Features.AgentActions;

/// <summary>An agent acknowledges, in the console, the open escalations of a ticket: the chain stops moving up.</summary>
internal sealed record AcknowledgeEscalationCommand(long TicketId, StaffActor Agent) : IRequest<bool>;

internal sealed class AcknowledgeEscalationHandler(EscalationDbContext db, IMediator mediator, EscalationAcknowledgements acknowledgements, TimeProvider clock)
    : IRequestHandler<AcknowledgeEscalationCommand, bool>
{
    public async Task<bool> Handle(AcknowledgeEscalationCommand request, CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(new TicketSummaryQuery(request.TicketId), cancellationToken);
        var open = await db.Escalations.Where(e => e.TicketId == request.TicketId && e.Status != EscalationStatus.Acknowledged).ToListAsync(cancellationToken);
        if (ticket is null || open.Count == 0)
        {
            return false;
        }

        await acknowledgements.AcknowledgeAsync(ticket, open, request.Agent.Name, request.Agent.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return true;
    }
}

/// <summary>Acknowledges escalations: records who did, tells the customer and the workflow waiting for it, writes the timeline.</summary>
internal sealed class EscalationAcknowledgements(EscalationDbContext db, IMediator mediator, EscalationMail mail)
{
    /// <summary>Acknowledges the escalations; the Ticketing request sent last commits everything in one transaction.</summary>
    public async Task AcknowledgeAsync(TicketSummary ticket, IReadOnlyList<TicketEscalation> escalations, string by, string? staffId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var escalation in escalations.Where(e => e.Acknowledge(by, now)))
        {
            db.AddIntegrationEvent(new EscalationAcknowledgedEvent(Guid.NewGuid(), now, ticket.TicketId, ticket.Number, escalation.Id, escalation.Level, by));
        }

        if (escalations.Any(e => e.Source == EscalationSource.CustomerRequest))
        {
            mail.EscalationAcknowledged(ticket);
        }

        await mediator.Send(new RecordTicketTimelineCommand(ticket.TicketId, by, staffId, "Escalade : accusé de réception", "Escalation acknowledged"), cancellationToken);
    }
}

/// <summary>An agent accepts a reclassification request (the severity changes and the SLA is timed again) or declines it with a reason.</summary>
internal sealed record DecideReclassificationCommand(long TicketId, long RequestId, bool Accept, string? Reason, StaffActor Agent) : IRequest<Unit>;

internal sealed class DecideReclassificationValidator : AbstractValidator<DecideReclassificationCommand>
{
    public DecideReclassificationValidator(IStringLocalizer<EscalationResource> t, EscalationDbContext db)
    {
        RuleFor(c => c.Reason).NotEmpty().When(c => !c.Accept).WithMessage(t["Give the customer the reason for declining."]);
        RuleFor(c => c.Reason).MaximumLength(2000).WithMessage(t["The reason is limited to 2,000 characters."]);
        RuleFor(c => c)
            .MustAsync((c, ct) => db.Reclassifications.AnyAsync(r => r.Id == c.RequestId && r.TicketId == c.TicketId && r.Status == ReclassificationStatus.Pending, ct))
            .WithMessage(t["This reclassification request has already been decided."]);
    }
}

internal sealed class DecideReclassificationHandler(EscalationDbContext db, IMediator mediator, EscalationMail mail, TimeProvider clock)
    : IRequestHandler<DecideReclassificationCommand, Unit>
{
    public async Task<Unit> Handle(DecideReclassificationCommand request, CancellationToken cancellationToken)
    {
        var reclassification = await db.Reclassifications.SingleAsync(r => r.Id == request.RequestId, cancellationToken);
        var ticket = await mediator.Send(new TicketSummaryQuery(reclassification.TicketId), cancellationToken)
            ?? throw new InvalidOperationException($"No ticket has the id {reclassification.TicketId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = reclassification.WantedSeverity;
        db.AddIntegrationEvent(new ReclassificationDecidedEvent(Guid.NewGuid(), now, ticket.TicketId, ticket.Number, request.Accept, wanted.ToString()));
        if (request.Accept)
        {
            reclassification.Accept(request.Agent.Name, now);
            mail.ReclassificationAccepted(ticket, wanted);

            // Sent last: its unit of work commits the decision, the email and the new severity together.
            await mediator.Send(new ReclassifyTicketSeverityCommand(ticket.TicketId, wanted, request.Agent.Name, request.Agent.Id), cancellationToken);
            return Unit.Value;
        }

        var reason = request.Reason!.Trim();
        reclassification.Decline(request.Agent.Name, reason, now);
        mail.ReclassificationDeclined(ticket, wanted, reason);
        await mediator.Send(
            new RecordTicketTimelineCommand(
                ticket.TicketId, request.Agent.Name, request.Agent.Id,
                $"Reclassification en {Labels.SeverityFr(wanted)} refusée : {reason}",
                $"Reclassification to {wanted} declined: {reason}"),
            cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// An agent hands the ticket off to an expert team with a note: the ticket's level goes up, the team is emailed and the
/// ticket is assigned to the team in Ticketing (it leaves its agent for the team's queue).
/// </summary>
internal sealed record HandOffCommand(long TicketId, ExpertTeam? Team, string? Note, StaffActor Agent) : IRequest<Unit>;

internal sealed class HandOffValidator : AbstractValidator<HandOffCommand>
{
    public HandOffValidator(IStringLocalizer<EscalationResource> t)
    {
        RuleFor(c => c.Team).NotNull().IsInEnum().WithMessage(t["Choose the expert team."]);
        RuleFor(c => c.Note).NotEmpty().WithMessage(t["Write the hand-off note: what is known and what is expected of the team."])
            .MaximumLength(4000).WithMessage(t["The note is limited to 4,000 characters."]);
    }
}

internal sealed class HandOffHandler(EscalationDbContext db, IMediator mediator, EscalationMail mail, TimeProvider clock) : IRequestHandler<HandOffCommand, Unit>
{
    public async Task<Unit> Handle(HandOffCommand request, CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(new TicketSummaryQuery(request.TicketId), cancellationToken)
            ?? throw new InvalidOperationException($"No ticket has the id {request.TicketId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var team = request.Team!.Value;
        var note = request.Note!.Trim();
        var level = await TicketLevel.OfAsync(db, ticket.TicketId, cancellationToken) + 1;
        db.HandOffs.Add(new TeamHandOff(ticket.TicketId, ticket.Number, team, level, note, request.Agent.Name, request.Agent.Id, now));
        db.AddIntegrationEvent(new TicketHandedOffEvent(Guid.NewGuid(), now, ticket.TicketId, ticket.Number, team.ToString(), level));
        var address = await db.ExpertTeams.AsNoTracking().Where(t => t.Team == team).Select(t => t.Email).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(address))
        {
            mail.HandedOff(ticket, team, address, level, note, request.Agent.Name);
        }

        // Escalating to a group hands the ticket to it, as support teams expect: it leaves its agent for the team's queue.
        // Sent last: its unit of work commits the hand-off, its event and the team's email with the assignment; the audit
        // trail says why the team changed, then records the change ("Équipe : Support → Développement").
        await mediator.Send(
            new AssignTicketTeamCommand(
                ticket.TicketId, SupportTeamOf(team), request.Agent.Name, request.Agent.Id,
                $"Escalade vers l'équipe {Labels.TeamFr(team)} (niveau {level}) : le ticket est assigné à l'équipe",
                $"Escalated to the {Labels.TeamEn(team)} team (level {level}): the ticket is assigned to the team"),
            cancellationToken);
        return Unit.Value;
    }

    private static SupportTeam SupportTeamOf(ExpertTeam team) => team switch
    {
        ExpertTeam.Development => SupportTeam.Development,
        ExpertTeam.ItOperations => SupportTeam.ItOperations,
        _ => SupportTeam.Management,
    };
}

/// <summary>A ticket's internal escalation level: 1 at the support desk, one more for each hand-off to an expert team.</summary>
internal static class TicketLevel
{
    public static async Task<int> OfAsync(EscalationDbContext db, long ticketId, CancellationToken cancellationToken) =>
        await db.HandOffs.Where(h => h.TicketId == ticketId).MaxAsync(h => (int?)h.Level, cancellationToken) ?? 1;
}

/// <summary>Everything the agent's ticket page shows of escalation: the level, the hand-offs, the escalations and their calls, the reclassification requests.</summary>
internal sealed record StaffEscalationQuery(long TicketId) : IQuery<StaffEscalationView>;

/// <summary>
/// The agent's view; <c>Region</c> is the chain the ticket's escalations call (its company's region, else the default
/// one, then <c>RegionIsDefault</c>) and <c>Chain</c> its contacts in calling order.
/// </summary>
internal sealed record StaffEscalationView(
    int Level,
    ExpertTeam? CurrentTeam,
    Region Region,
    bool RegionIsDefault,
    IReadOnlyList<EscalationContact> Chain,
    IReadOnlyList<TeamHandOff> HandOffs,
    IReadOnlyList<EscalationWithCalls> Escalations,
    IReadOnlyList<ReclassificationRequest> Reclassifications)
{
    public bool AwaitsAcknowledgement => Escalations.Any(e => e.Escalation.Status != EscalationStatus.Acknowledged);
}

internal sealed record EscalationWithCalls(TicketEscalation Escalation, IReadOnlyList<ContactCall> Calls);

internal sealed class StaffEscalationQueryHandler(EscalationDbContext db, IMediator mediator, IOptions<EscalationOptions> options)
    : IRequestHandler<StaffEscalationQuery, StaffEscalationView>
{
    public async Task<StaffEscalationView> Handle(StaffEscalationQuery request, CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(new TicketSummaryQuery(request.TicketId), cancellationToken);
        var region = ticket is null ? options.Value.DefaultRegion : options.Value.RegionOf(ticket);
        var chain = await db.Contacts.AsNoTracking().Where(c => c.Region == region).OrderBy(c => c.Level).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var handOffs = await db.HandOffs.AsNoTracking().Where(h => h.TicketId == request.TicketId).OrderByDescending(h => h.Id).ToListAsync(cancellationToken);
        var escalations = await db.Escalations.AsNoTracking().Where(e => e.TicketId == request.TicketId).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var ids = escalations.Select(e => e.Id).ToList();
        var calls = await db.ContactCalls.AsNoTracking().Where(c => ids.Contains(c.EscalationId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var reclassifications = await db.Reclassifications.AsNoTracking().Where(r => r.TicketId == request.TicketId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return new StaffEscalationView(
            handOffs.Count == 0 ? 1 : handOffs.Max(h => h.Level),
            handOffs.FirstOrDefault()?.Team,
            region,
            ticket?.CompanyRegion is null,
            chain,
            handOffs,
            [.. escalations.Select(e => new EscalationWithCalls(e, [.. calls.Where(c => c.EscalationId == e.Id)]))],
            reclassifications);
    }
}
