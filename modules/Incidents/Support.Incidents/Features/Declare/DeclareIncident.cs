using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Support.Incidents.Contracts;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Kernel.Persistence;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Features.Declare;

/// <summary>Declares a major incident, from scratch or from a ticket (which is then linked and its company affected).</summary>
internal sealed record DeclareIncidentCommand(string? Title, string? Description, string? AffectedServices, string? Impact, IncidentSeverity Severity, string? TicketNumber, string ActorId, string Actor) : IRequest<long>;

internal sealed class DeclareIncidentValidator : AbstractValidator<DeclareIncidentCommand>
{
    public DeclareIncidentValidator(IStringLocalizer<IncidentsResource> t, IMediator mediator)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(t["Enter the incident's title."])
            .MaximumLength(IncidentLimits.Title).WithMessage(t["The title is too long."]);
        RuleFor(c => c.Description).NotEmpty().WithMessage(t["Describe the incident."])
            .MaximumLength(IncidentLimits.Text).WithMessage(t["The description is too long."]);
        RuleFor(c => c.AffectedServices).NotEmpty().WithMessage(t["Name at least one affected service."])
            .MaximumLength(IncidentLimits.Services).WithMessage(t["The list of services is too long."]);
        RuleFor(c => c.Impact).MaximumLength(IncidentLimits.Text).WithMessage(t["The impact is too long."]);
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.TicketNumber)
            .MustAsync(async (number, ct) => string.IsNullOrWhiteSpace(number)
                || (int.TryParse(number.Trim(), out var n) && await mediator.Send(new TicketDigestQuery(n), ct) is not null))
            .WithMessage(t["No ticket has this number."]);
    }
}

internal sealed class DeclareIncidentHandler(IncidentsDbContext db, UnitOfWork unitOfWork, IMediator mediator, TimeProvider clock) : IRequestHandler<DeclareIncidentCommand, long>
{
    public async Task<long> Handle(DeclareIncidentCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        TicketDigest? ticket = null;
        if (!string.IsNullOrWhiteSpace(request.TicketNumber))
        {
            ticket = await mediator.Send(new TicketDigestQuery(int.Parse(request.TicketNumber.Trim(), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        }

        var incident = new Incident(request.Title!, request.Description!, request.AffectedServices!, request.Impact ?? "", request.Severity, ticket?.Number, request.ActorId, request.Actor, now);
        await unitOfWork.BeginAsync(cancellationToken);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.Declared, incident.Title, request.Actor));
        if (ticket is not null)
        {
            IncidentTickets.Link(db, incident, ticket, request.Actor, now);
        }

        db.AddIntegrationEvent(new IncidentDeclaredEvent(Guid.NewGuid(), now, incident.Id, incident.Title, incident.Severity.ToString()));
        return incident.Id;
    }
}

/// <summary>Links a ticket to an incident: the ticket joins it, its company is affected, the timeline says so.</summary>
internal static class IncidentTickets
{
    public static void Link(IncidentsDbContext db, Incident incident, TicketDigest ticket, string actor, DateTime now)
    {
        db.LinkedTickets.Add(new LinkedTicket(incident.Id, ticket.TicketId, ticket.Number, ticket.Subject, ticket.CompanyId, ticket.CompanyName, now));
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.TicketLinked, $"{ticket.Number:D6} · {ticket.Subject}", actor));
        if (!db.AffectedCompanies.Local.Any(c => c.IncidentId == incident.Id && c.CompanyId == ticket.CompanyId)
            && !db.AffectedCompanies.Any(c => c.IncidentId == incident.Id && c.CompanyId == ticket.CompanyId))
        {
            db.AffectedCompanies.Add(new AffectedCompany(incident.Id, ticket.CompanyId, ticket.CompanyName, fromTicket: true));
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.CompaniesChanged, "+ " + ticket.CompanyName, actor));
        }

        incident.MoveTo(incident.State, now);
    }
}
