using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Incidents.Contracts;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Incidents.Features.Declare;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Features.Manage;

internal static class IncidentLookup
{
    public static async Task<Incident> FindAsync(this IncidentsDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"No incident has the id {id}.");
}

/// <summary>Moves the incident to another state (investigating, identified, monitoring, resolved, closed), with an optional note.</summary>
internal sealed record ChangeIncidentStateCommand(long IncidentId, IncidentState State, string? Note, string Actor) : IRequest;

internal sealed class ChangeIncidentStateValidator : AbstractValidator<ChangeIncidentStateCommand>
{
    public ChangeIncidentStateValidator(IStringLocalizer<IncidentsResource> t)
    {
        RuleFor(c => c.State).IsInEnum().WithMessage(t["Choose a state."]);
        RuleFor(c => c.Note).MaximumLength(IncidentLimits.Text).WithMessage(t["The note is too long."]);
    }
}

internal sealed class ChangeIncidentStateHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<ChangeIncidentStateCommand, Unit>
{
    public async Task<Unit> Handle(ChangeIncidentStateCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (incident.State != request.State)
        {
            incident.MoveTo(request.State, now);
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.StateChanged, request.State.ToString(), request.Actor));
        }

        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.Note, request.Note.Trim(), request.Actor));
        }
        return Unit.Value;
    }
}

/// <summary>Links a ticket, by number, to the incident; its company becomes affected.</summary>
internal sealed record LinkTicketCommand(long IncidentId, string? TicketNumber, string Actor) : IRequest;

internal sealed class LinkTicketValidator : AbstractValidator<LinkTicketCommand>
{
    public LinkTicketValidator(IStringLocalizer<IncidentsResource> t, IMediator mediator, IncidentsDbContext db)
    {
        RuleFor(c => c.TicketNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(t["Enter a ticket number."])
            .MustAsync(async (number, ct) => int.TryParse(number!.Trim(), out var n) && await mediator.Send(new TicketDigestQuery(n), ct) is not null)
            .WithMessage(t["No ticket has this number."])
            .MustAsync(async (command, number, ct) =>
            {
                var n = int.Parse(number!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
                return !await db.LinkedTickets.AnyAsync(l => l.IncidentId == command.IncidentId && l.Number == n, ct);
            })
            .WithMessage(t["This ticket is already linked to the incident."]);
    }
}

internal sealed class LinkTicketHandler(IncidentsDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<LinkTicketCommand, Unit>
{
    public async Task<Unit> Handle(LinkTicketCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var ticket = await mediator.Send(new TicketDigestQuery(int.Parse(request.TicketNumber!.Trim(), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken)
            ?? throw new KeyNotFoundException("The ticket disappeared.");
        IncidentTickets.Link(db, incident, ticket, request.Actor, clock.GetUtcNow().UtcDateTime);
        return Unit.Value;
    }
}

/// <summary>Sets the companies an agent chose as affected; those derived from linked tickets stay.</summary>
internal sealed record SetAffectedCompaniesCommand(long IncidentId, IReadOnlyList<long> CompanyIds, string Actor) : IRequest;

internal sealed class SetAffectedCompaniesHandler(IncidentsDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<SetAffectedCompaniesCommand, Unit>
{
    public async Task<Unit> Handle(SetAffectedCompaniesCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var directory = (await mediator.Send(new CompanyDirectoryQuery(), cancellationToken)).ToDictionary(c => c.Id);
        var chosen = request.CompanyIds.Where(directory.ContainsKey).ToHashSet();
        var current = await db.AffectedCompanies.Where(c => c.IncidentId == incident.Id).ToListAsync(cancellationToken);
        var derived = await db.LinkedTickets.Where(t => t.IncidentId == incident.Id).Select(t => t.CompanyId).ToListAsync(cancellationToken);
        var changes = new List<string>();
        foreach (var company in current.Where(c => !chosen.Contains(c.CompanyId) && !derived.Contains(c.CompanyId)))
        {
            db.AffectedCompanies.Remove(company);
            changes.Add("− " + company.CompanyName);
        }

        foreach (var id in chosen.Where(id => current.All(c => c.CompanyId != id)))
        {
            db.AffectedCompanies.Add(new AffectedCompany(incident.Id, id, directory[id].Name, fromTicket: false));
            changes.Add("+ " + directory[id].Name);
        }

        if (changes.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            incident.MoveTo(incident.State, now);
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.CompaniesChanged, string.Join(", ", changes), request.Actor));
        }
        return Unit.Value;
    }
}

/// <summary>
/// Records that the impact is determined (the impacted companies are known): the 20-to-30-minute window of the
/// first written notification starts now. Refused while no company is affected.
/// </summary>
internal sealed record DetermineImpactCommand(long IncidentId, string Actor) : IRequest;

internal sealed class DetermineImpactValidator : AbstractValidator<DetermineImpactCommand>
{
    public DetermineImpactValidator(IStringLocalizer<IncidentsResource> t, IncidentsDbContext db)
    {
        RuleFor(c => c.IncidentId)
            .MustAsync(async (id, ct) => await db.AffectedCompanies.AnyAsync(c => c.IncidentId == id, ct))
            .WithMessage(t["Choose the impacted companies first."])
            .MustAsync(async (id, ct) => !await db.Incidents.AnyAsync(i => i.Id == id && i.ImpactDeterminedAtUtc != null, ct))
            .WithMessage(t["The impact was already determined."]);
    }
}

internal sealed class DetermineImpactHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<DetermineImpactCommand, Unit>
{
    public async Task<Unit> Handle(DetermineImpactCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var companies = await db.AffectedCompanies.CountAsync(c => c.IncidentId == incident.Id, cancellationToken);
        incident.DetermineImpact(now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.ImpactDetermined, companies.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Actor));
        db.AddIntegrationEvent(new IncidentImpactDeterminedEvent(Guid.NewGuid(), now, incident.Id, incident.Title, companies));
        return Unit.Value;
    }
}

/// <summary>Edits what the incident is: title, description, services, impact and severity.</summary>
internal sealed record EditIncidentCommand(long IncidentId, string? Title, string? Description, string? AffectedServices, string? Impact, IncidentSeverity Severity, string Actor) : IRequest;

internal sealed class EditIncidentValidator : AbstractValidator<EditIncidentCommand>
{
    public EditIncidentValidator(IStringLocalizer<IncidentsResource> t)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(t["Enter the incident's title."])
            .MaximumLength(IncidentLimits.Title).WithMessage(t["The title is too long."]);
        RuleFor(c => c.Description).NotEmpty().WithMessage(t["Describe the incident."])
            .MaximumLength(IncidentLimits.Text).WithMessage(t["The description is too long."]);
        RuleFor(c => c.AffectedServices).NotEmpty().WithMessage(t["Name at least one affected service."])
            .MaximumLength(IncidentLimits.Services).WithMessage(t["The list of services is too long."]);
        RuleFor(c => c.Impact).MaximumLength(IncidentLimits.Text).WithMessage(t["The impact is too long."]);
        RuleFor(c => c.Severity).IsInEnum();
    }
}

internal sealed class EditIncidentHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<EditIncidentCommand, Unit>
{
    public async Task<Unit> Handle(EditIncidentCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        incident.Edit(request.Title!, request.Description!, request.AffectedServices!, request.Impact ?? "", request.Severity);
        incident.MoveTo(incident.State, now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.Edited, incident.Title, request.Actor));
        return Unit.Value;
    }
}
