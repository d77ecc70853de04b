using System.Globalization;
using System.Net.Mail;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Incidents.Features.Manage;
using Support.Kernel.Contracts;
using Support.Kernel.Email;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Features.Rca;

/// <summary>An incident whose RCA report customers may ask for: resolved and shown on the status page.</summary>
internal sealed record RequestableIncident(long Id, string Reference, string Title, IReadOnlyList<string> Services, DateTime? ResolvedAtUtc);

/// <summary>The incident the portal's request form is about; null when it is not resolved or was never published.</summary>
internal sealed record RequestableIncidentQuery(long IncidentId) : IQuery<RequestableIncident?>;

internal sealed class RequestableIncidentQueryHandler(IncidentsDbContext db) : IRequestHandler<RequestableIncidentQuery, RequestableIncident?>
{
    public async Task<RequestableIncident?> Handle(RequestableIncidentQuery request, CancellationToken cancellationToken) =>
        await db.RequestableAsync(request.IncidentId, cancellationToken) is { } incident
            ? new RequestableIncident(incident.Id, incident.Reference, incident.Title, [.. incident.Services], incident.ResolvedAtUtc)
            : null;
}

/// <summary>
/// A customer asks, from the status page, for the RCA report of a resolved incident. The address must belong to a
/// contact of an impacted company (asked of Ticketing); otherwise the request is recorded as refused and the refusal
/// emailed to the address. The page answers the same either way, so that it tells nobody who is a contact.
/// </summary>
internal sealed record RequestRcaCommand(long IncidentId, string? Email, string? TicketNumber, string? Message, string Language) : IRequest<Unit>;

internal sealed class RequestRcaValidator : AbstractValidator<RequestRcaCommand>
{
    public RequestRcaValidator(IStringLocalizer<IncidentsResource> t, IncidentsDbContext db)
    {
        RuleFor(c => c.IncidentId)
            .MustAsync(async (id, ct) => await db.RequestableAsync(id, ct) is not null)
            .WithMessage(t["The report of this incident cannot be requested."]);
        RuleFor(c => c.Email).Must(e => e is { Length: <= IncidentLimits.Email } && MailAddress.TryCreate(e.Trim(), out var a) && a.Address == e.Trim())
            .WithMessage(t["Enter a valid email address."]);
        RuleFor(c => c.TicketNumber).MaximumLength(IncidentLimits.TicketNumber).WithMessage(t["The ticket number is too long."]);
        RuleFor(c => c.Message).MaximumLength(IncidentLimits.Message).WithMessage(t["The message is too long."]);
    }
}

internal sealed class RequestRcaHandler(IncidentsDbContext db, IMediator mediator, IEmailOutbox outbox, TimeProvider clock) : IRequestHandler<RequestRcaCommand, Unit>
{
    public async Task<Unit> Handle(RequestRcaCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var email = request.Email!.Trim();
        var normalized = StatusSubscription.Normalize(email);

        // A second request while the first waits for an agent adds nothing (and sends no second email).
        if (await db.RcaRequests.AnyAsync(r => r.IncidentId == incident.Id && r.NormalizedEmail == normalized && r.State == RcaRequestState.Pending, cancellationToken))
        {
            return Unit.Value;
        }

        var company = await mediator.Send(new ContactCompanyQuery(email), cancellationToken);
        var eligible = company is not null && await db.AffectedCompanies.AnyAsync(c => c.IncidentId == incident.Id && c.CompanyId == company.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.RcaRequests.Add(new RcaRequest(incident.Id, email, request.TicketNumber ?? "", request.Message ?? "", request.Language, eligible ? company!.Name : "", eligible, now));
        if (eligible)
        {
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.RcaRequested, $"{email} ({company!.Name})", email));
            outbox.Queue(new OutgoingEmail(
                email,
                null,
                $"[{incident.Reference}] Demande de rapport RCA reçue / RCA report request received",
                $"Nous avons bien reçu votre demande du rapport d'analyse des causes (RCA) de l'incident {incident.Reference} « {incident.Title} ». "
                + "Un membre du support l'examine ; le rapport vous sera envoyé par e-mail une fois la demande approuvée.\n\n"
                + $"We have received your request for the root cause analysis (RCA) report of incident {incident.Reference} \"{incident.Title}\". "
                + "A member of support is reviewing it; the report will be emailed to you once the request is approved.",
                null,
                "rca-request"));
        }
        else
        {
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.RcaRefused, email, email));
            outbox.Queue(new OutgoingEmail(
                email,
                null,
                $"[{incident.Reference}] Demande de rapport RCA refusée / RCA report request refused",
                $"Vous avez demandé le rapport d'analyse des causes (RCA) de l'incident {incident.Reference} « {incident.Title} ». "
                + "Ce rapport est réservé aux contacts des sociétés clientes concernées par l'incident, et votre adresse n'en fait pas partie : "
                + "il ne peut pas vous être envoyé. Si vous pensez qu'il s'agit d'une erreur, ouvrez un ticket depuis le portail en indiquant votre société.\n\n"
                + $"You asked for the root cause analysis (RCA) report of incident {incident.Reference} \"{incident.Title}\". "
                + "The report is reserved for the contacts of the customer companies the incident affected, and your address is not one of them: "
                + "it cannot be sent to you. If you think this is a mistake, open a ticket from the portal and give your company's name.",
                null,
                "rca-refused"));
        }

        return Unit.Value;
    }
}

/// <summary>The customers' requests for the RCA report of an incident, newest first.</summary>
internal sealed record RcaRequestsQuery(long IncidentId) : IQuery<IReadOnlyList<RcaRequest>>;

internal sealed class RcaRequestsQueryHandler(IncidentsDbContext db) : IRequestHandler<RcaRequestsQuery, IReadOnlyList<RcaRequest>>
{
    public async Task<IReadOnlyList<RcaRequest>> Handle(RcaRequestsQuery request, CancellationToken cancellationToken) =>
        await db.RcaRequests.AsNoTracking().Where(r => r.IncidentId == request.IncidentId).OrderByDescending(r => r.RequestedAtUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
}

/// <summary>An agent approves a pending request: the report (PDF, in the customer's language) is emailed as an attachment. Only once the post-mortem exists.</summary>
internal sealed record ApproveRcaRequestCommand(long IncidentId, long RequestId, string Actor) : IRequest<Unit>;

internal sealed class ApproveRcaRequestValidator : AbstractValidator<ApproveRcaRequestCommand>
{
    public ApproveRcaRequestValidator(IStringLocalizer<IncidentsResource> t, IncidentsDbContext db)
    {
        RuleFor(c => c.RequestId)
            .MustAsync(async (c, id, ct) => await db.RcaRequests.AnyAsync(r => r.Id == id && r.IncidentId == c.IncidentId && r.State == RcaRequestState.Pending, ct))
            .WithMessage(t["This request has already been handled."]);
        RuleFor(c => c.IncidentId)
            .MustAsync(async (id, ct) => await db.PostMortems.AnyAsync(r => r.IncidentId == id, ct))
            .WithMessage(t["Record the post-mortem first: the RCA report is generated from it."]);
    }
}

internal sealed class ApproveRcaRequestHandler(IncidentsDbContext db, IEmailOutbox outbox, IStringLocalizer<IncidentsResource> t, TimeProvider clock) : IRequestHandler<ApproveRcaRequestCommand, Unit>
{
    public async Task<Unit> Handle(ApproveRcaRequestCommand request, CancellationToken cancellationToken)
    {
        var rca = await db.RcaRequests.SingleAsync(r => r.Id == request.RequestId && r.IncidentId == request.IncidentId, cancellationToken);
        var report = (await db.RcaReportAsync(request.IncidentId, cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = RcaPdf.Render(report, t, CultureInfo.GetCultureInfo(rca.Language), now);
        rca.Approve(request.Actor, now);
        db.Timeline.Add(new TimelineEntry(request.IncidentId, now, TimelineKind.RcaApproved, rca.Email, request.Actor));
        outbox.Queue(new OutgoingEmail(
            rca.Email,
            null,
            $"[{report.Reference}] Rapport RCA / RCA report · {report.Title}",
            $"Vous trouverez ci-joint le rapport d'analyse des causes (RCA) de l'incident {report.Reference} « {report.Title} », "
            + "avec ses causes racines et les mesures prises pour qu'il ne se reproduise pas.\n\n"
            + $"Please find attached the root cause analysis (RCA) report of incident {report.Reference} \"{report.Title}\", "
            + "with its root causes and the measures taken so that it does not happen again.",
            null,
            "rca-report",
            [new OutgoingAttachment(report.FileName, RcaPdf.ContentType, pdf)]));
        db.Timeline.Add(new TimelineEntry(request.IncidentId, now, TimelineKind.RcaSent, rca.Email, request.Actor));
        return Unit.Value;
    }
}

/// <summary>An agent declines a pending request, with a reason emailed to the customer.</summary>
internal sealed record DeclineRcaRequestCommand(long IncidentId, long RequestId, string? Reason, string Actor) : IRequest<Unit>;

internal sealed class DeclineRcaRequestValidator : AbstractValidator<DeclineRcaRequestCommand>
{
    public DeclineRcaRequestValidator(IStringLocalizer<IncidentsResource> t, IncidentsDbContext db)
    {
        RuleFor(c => c.RequestId)
            .MustAsync(async (c, id, ct) => await db.RcaRequests.AnyAsync(r => r.Id == id && r.IncidentId == c.IncidentId && r.State == RcaRequestState.Pending, ct))
            .WithMessage(t["This request has already been handled."]);
        RuleFor(c => c.Reason).NotEmpty().WithMessage(t["Give the reason for declining."])
            .MaximumLength(IncidentLimits.Message).WithMessage(t["The reason is too long."]);
    }
}

internal sealed class DeclineRcaRequestHandler(IncidentsDbContext db, IEmailOutbox outbox, TimeProvider clock) : IRequestHandler<DeclineRcaRequestCommand, Unit>
{
    public async Task<Unit> Handle(DeclineRcaRequestCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var rca = await db.RcaRequests.SingleAsync(r => r.Id == request.RequestId && r.IncidentId == incident.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = request.Reason!.Trim();
        rca.Decline(reason, request.Actor, now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.RcaDeclined, $"{rca.Email}: {reason}", request.Actor));
        outbox.Queue(new OutgoingEmail(
            rca.Email,
            null,
            $"[{incident.Reference}] Demande de rapport RCA non retenue / RCA report request declined",
            $"Votre demande du rapport d'analyse des causes (RCA) de l'incident {incident.Reference} « {incident.Title} » n'a pas été retenue.\nMotif : {reason}\n\n"
            + $"Your request for the root cause analysis (RCA) report of incident {incident.Reference} \"{incident.Title}\" was declined.\nReason: {reason}",
            null,
            "rca-declined"));
        return Unit.Value;
    }
}

internal static class RcaRequestable
{
    /// <summary>The incident, when it is resolved and was published on the status page (so the public knows of it).</summary>
    public static async Task<Incident?> RequestableAsync(this IncidentsDbContext db, long incidentId, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking()
            .Where(i => i.Id == incidentId && i.State >= IncidentState.Resolved && db.StatusUpdates.Any(u => u.IncidentId == i.Id))
            .SingleOrDefaultAsync(cancellationToken);
}
