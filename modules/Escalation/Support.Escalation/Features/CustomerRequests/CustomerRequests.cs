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
using Support.Kernel.Persistence;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Features.CustomerRequests;

/// <summary>The customer asks, from their ticket, for it to be escalated.</summary>
internal sealed record RequestEscalationCommand(long TicketId, string? Reason) : IRequest<Unit>;

internal sealed class RequestEscalationValidator : AbstractValidator<RequestEscalationCommand>
{
    public RequestEscalationValidator(IStringLocalizer<EscalationResource> t, EscalationDbContext db)
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage(t["Tell us why the ticket must be escalated."])
            .MaximumLength(2000).WithMessage(t["The reason is limited to 2,000 characters."]);
        RuleFor(c => c.TicketId)
            .MustAsync(async (id, ct) => !await db.Escalations.AnyAsync(e => e.TicketId == id && e.Source == EscalationSource.CustomerRequest && e.Status == EscalationStatus.Open, ct))
            .WithMessage(t["Your escalation request is already being handled: our managers are being called."]);
    }
}

internal sealed class RequestEscalationHandler(EscalationDbContext db, IMediator mediator, EscalationMail mail, UnitOfWork unitOfWork, IOptions<EscalationOptions> options, TimeProvider clock)
    : IRequestHandler<RequestEscalationCommand, Unit>
{
    public async Task<Unit> Handle(RequestEscalationCommand request, CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(new TicketSummaryQuery(request.TicketId), cancellationToken)
            ?? throw new InvalidOperationException($"No ticket has the id {request.TicketId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = request.Reason!.Trim();

        // The escalation's id goes into the event, so it is saved first, in the transaction the timeline line commits.
        await unitOfWork.BeginAsync(cancellationToken);
        var escalation = new TicketEscalation(ticket.TicketId, ticket.Number, EscalationSource.CustomerRequest, reason, options.Value.RegionOf(ticket), now);
        db.Escalations.Add(escalation);
        await db.SaveChangesAsync(cancellationToken);
        db.AddIntegrationEvent(new EscalationRequestedEvent(Guid.NewGuid(), now, ticket.TicketId, ticket.Number, escalation.Id, reason));
        mail.EscalationRequestReceived(ticket, reason);
        mail.EscalationRequestToStaff(ticket, reason);
        await mediator.Send(
            new RecordTicketTimelineCommand(ticket.TicketId, ticket.CustomerName, null, $"Escalade demandée par le client : {reason}", $"Escalation requested by the customer: {reason}"),
            cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The customer asks for their ticket's severity to be reclassified, with a justification.</summary>
internal sealed record RequestReclassificationCommand(long TicketId, TicketSeverity? WantedSeverity, string? Justification) : IRequest<Unit>;

internal sealed class RequestReclassificationValidator : AbstractValidator<RequestReclassificationCommand>
{
    public RequestReclassificationValidator(IStringLocalizer<EscalationResource> t, IMediator mediator, EscalationDbContext db)
    {
        RuleFor(c => c.WantedSeverity).NotNull().IsInEnum().WithMessage(t["Choose the severity you ask for."]);
        RuleFor(c => c.Justification).NotEmpty().WithMessage(t["Explain why the severity should change."])
            .MaximumLength(2000).WithMessage(t["The justification is limited to 2,000 characters."]);
        RuleFor(c => c).MustAsync(async (c, ct) => c.WantedSeverity is not { } wanted || (await mediator.Send(new TicketSummaryQuery(c.TicketId), ct))?.Severity != wanted)
            .WithMessage(t["The ticket already has this severity."]);
        RuleFor(c => c).MustAsync(async (c, ct) => !await db.Reclassifications.AnyAsync(r => r.TicketId == c.TicketId && r.Status == ReclassificationStatus.Pending, ct))
            .WithMessage(t["A reclassification request of this ticket is already under review."]);
    }
}

internal sealed class RequestReclassificationHandler(EscalationDbContext db, IMediator mediator, EscalationMail mail, TimeProvider clock)
    : IRequestHandler<RequestReclassificationCommand, Unit>
{
    public async Task<Unit> Handle(RequestReclassificationCommand request, CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(new TicketSummaryQuery(request.TicketId), cancellationToken)
            ?? throw new InvalidOperationException($"No ticket has the id {request.TicketId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = request.WantedSeverity!.Value;
        var justification = request.Justification!.Trim();
        db.Reclassifications.Add(new ReclassificationRequest(ticket.TicketId, ticket.Number, ticket.Severity, wanted, justification, now));
        db.AddIntegrationEvent(new ReclassificationRequestedEvent(Guid.NewGuid(), now, ticket.TicketId, ticket.Number, ticket.Severity.ToString(), wanted.ToString()));
        mail.ReclassificationRequestReceived(ticket, wanted, justification);
        mail.ReclassificationRequestToStaff(ticket, wanted, justification);

        // Sent last: its unit of work commits the request, the event and the emails with the timeline line.
        await mediator.Send(
            new RecordTicketTimelineCommand(
                ticket.TicketId, ticket.CustomerName, null,
                $"Reclassification demandée par le client : {Labels.SeverityFr(ticket.Severity)} → {Labels.SeverityFr(wanted)} ({justification})",
                $"Reclassification requested by the customer: {ticket.Severity} → {wanted} ({justification})"),
            cancellationToken);
        return Unit.Value;
    }
}

/// <summary>What the customer sees of their requests on the ticket view.</summary>
internal sealed record CustomerRequestsQuery(long TicketId) : IQuery<CustomerRequestsView>;

/// <summary>The customer's requests; <c>Region</c>: the region whose escalation contacts are called for the ticket.</summary>
internal sealed record CustomerRequestsView(
    IReadOnlyList<CustomerEscalationRow> Escalations,
    IReadOnlyList<CustomerReclassificationRow> Reclassifications,
    TicketSeverity Severity,
    bool ReclassificationPending,
    Region Region)
{
    /// <summary>Whether a request of the customer still waits for a manager's acknowledgement (a new one would be refused).</summary>
    public bool EscalationPending => Escalations.Any(e => e.Status == EscalationStatus.Open);
}

internal sealed record CustomerEscalationRow(DateTime RequestedAtUtc, string Reason, EscalationStatus Status, DateTime? AcknowledgedAtUtc);

internal sealed record CustomerReclassificationRow(DateTime RequestedAtUtc, TicketSeverity Wanted, ReclassificationStatus Status, string? DeclineReason);

internal sealed class CustomerRequestsQueryHandler(EscalationDbContext db, IMediator mediator, IOptions<EscalationOptions> options) : IRequestHandler<CustomerRequestsQuery, CustomerRequestsView>
{
    public async Task<CustomerRequestsView> Handle(CustomerRequestsQuery request, CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(new TicketSummaryQuery(request.TicketId), cancellationToken);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.TicketId == request.TicketId && e.Source == EscalationSource.CustomerRequest)
            .OrderByDescending(e => e.Id)
            .Select(e => new CustomerEscalationRow(e.OpenedAtUtc, e.Reason, e.Status, e.AcknowledgedAtUtc))
            .ToListAsync(cancellationToken);
        var reclassifications = await db.Reclassifications.AsNoTracking()
            .Where(r => r.TicketId == request.TicketId)
            .OrderByDescending(r => r.Id)
            .Select(r => new CustomerReclassificationRow(r.RequestedAtUtc, r.WantedSeverity, r.Status, r.DeclineReason))
            .ToListAsync(cancellationToken);
        return new CustomerRequestsView(
            escalations, reclassifications, ticket?.Severity ?? TicketSeverity.Normal,
            reclassifications.Any(r => r.Status == ReclassificationStatus.Pending),
            ticket is null ? options.Value.DefaultRegion : options.Value.RegionOf(ticket));
    }
}
