using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Incidents.Features.Manage;
using Support.Kernel.Contracts;
using Support.Kernel.Staff;

namespace Support.Incidents.Features.PostMortem;

/// <summary>The post-mortem of an incident, its action items and the timeline it reviews (assembled from the incident's events).</summary>
internal sealed record PostMortemQuery(long IncidentId) : IQuery<PostMortemFile?>;

internal sealed record PostMortemFile(Incident Incident, Domain.PostMortem? Review, IReadOnlyList<ActionItem> Actions, IReadOnlyList<TimelineEntry> Timeline);

internal sealed class PostMortemQueryHandler(IncidentsDbContext db) : IRequestHandler<PostMortemQuery, PostMortemFile?>
{
    public async Task<PostMortemFile?> Handle(PostMortemQuery request, CancellationToken cancellationToken)
    {
        if (await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.IncidentId, cancellationToken) is not { } incident)
        {
            return null;
        }

        var review = await db.PostMortems.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == incident.Id, cancellationToken);
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.IncidentId == incident.Id).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var timeline = await db.Timeline.AsNoTracking()
            .Where(e => e.IncidentId == incident.Id && e.Kind != TimelineKind.PostMortemSaved && e.Kind != TimelineKind.ActionItemAdded && e.Kind != TimelineKind.ActionItemDone)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return new PostMortemFile(incident, review, actions, timeline);
    }
}

/// <summary>Records the post-mortem: participants, what went well and badly, root causes, contributing factors. Only once the incident is resolved.</summary>
internal sealed record SavePostMortemCommand(long IncidentId, string? Participants, string? WentWell, string? WentBadly, string? RootCauses, string? ContributingFactors, string Actor) : IRequest<Unit>;

internal sealed class SavePostMortemValidator : AbstractValidator<SavePostMortemCommand>
{
    public SavePostMortemValidator(IStringLocalizer<IncidentsResource> t, IncidentsDbContext db)
    {
        RuleFor(c => c.IncidentId)
            .MustAsync(async (id, ct) => await db.Incidents.AnyAsync(i => i.Id == id && i.State >= IncidentState.Resolved, ct))
            .WithMessage(t["The post-mortem is held once the incident is resolved."]);
        RuleFor(c => c.RootCauses).NotEmpty().WithMessage(t["Write the root causes."]);
        RuleFor(c => c.Participants).MaximumLength(IncidentLimits.Services).WithMessage(t["The list of participants is too long."]);
        RuleFor(c => c.WentWell).MaximumLength(IncidentLimits.Text).WithMessage(t["The text is too long."]);
        RuleFor(c => c.WentBadly).MaximumLength(IncidentLimits.Text).WithMessage(t["The text is too long."]);
        RuleFor(c => c.RootCauses).MaximumLength(IncidentLimits.Text).WithMessage(t["The text is too long."]);
        RuleFor(c => c.ContributingFactors).MaximumLength(IncidentLimits.Text).WithMessage(t["The text is too long."]);
    }
}

internal sealed class SavePostMortemHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<SavePostMortemCommand, Unit>
{
    public async Task<Unit> Handle(SavePostMortemCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var review = await db.PostMortems.SingleOrDefaultAsync(r => r.IncidentId == incident.Id, cancellationToken);
        if (review is null)
        {
            review = new Domain.PostMortem(incident.Id);
            db.PostMortems.Add(review);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        review.Record(request.Participants ?? "", request.WentWell ?? "", request.WentBadly ?? "", request.RootCauses!, request.ContributingFactors ?? "", request.Actor, now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.PostMortemSaved, "", request.Actor));
        return Unit.Value;
    }
}

/// <summary>Adds an action item to the post-mortem's plan: what, who, by when.</summary>
internal sealed record AddActionItemCommand(long IncidentId, string? Title, string? OwnerId, DateOnly? DueOn, string Actor) : IRequest<Unit>;

internal sealed class AddActionItemValidator : AbstractValidator<AddActionItemCommand>
{
    public AddActionItemValidator(IStringLocalizer<IncidentsResource> t, IStaffDirectory staff)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(t["Describe the action."])
            .MaximumLength(IncidentLimits.Title).WithMessage(t["The action is too long."]);
        RuleFor(c => c.OwnerId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(t["Choose the action's owner."])
            .MustAsync(async (id, ct) => await staff.FindAsync(id!, ct) is not null).WithMessage(t["Choose the action's owner."]);
        RuleFor(c => c.DueOn).NotNull().WithMessage(t["Choose the due date."]);
    }
}

internal sealed class AddActionItemHandler(IncidentsDbContext db, IStaffDirectory staff, TimeProvider clock) : IRequestHandler<AddActionItemCommand, Unit>
{
    public async Task<Unit> Handle(AddActionItemCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var owner = (await staff.FindAsync(request.OwnerId!, cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        db.ActionItems.Add(new ActionItem(incident.Id, request.Title!, owner.Id, owner.DisplayName, request.DueOn!.Value, now));
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.ActionItemAdded, $"{request.Title!.Trim()} ({owner.DisplayName}, {request.DueOn:yyyy-MM-dd})", request.Actor));
        return Unit.Value;
    }
}

/// <summary>Marks an action item done, or open again.</summary>
internal sealed record SetActionItemDoneCommand(long IncidentId, long ActionId, bool Done, string Actor) : IRequest<Unit>;

internal sealed class SetActionItemDoneHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<SetActionItemDoneCommand, Unit>
{
    public async Task<Unit> Handle(SetActionItemDoneCommand request, CancellationToken cancellationToken)
    {
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == request.ActionId && a.IncidentId == request.IncidentId, cancellationToken)
            ?? throw new KeyNotFoundException($"No action item has the id {request.ActionId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Done && item.DoneAtUtc is null)
        {
            item.MarkDone(now);
            db.Timeline.Add(new TimelineEntry(request.IncidentId, now, TimelineKind.ActionItemDone, item.Title, request.Actor));
        }
        else if (!request.Done)
        {
            item.Reopen();
        }

        return Unit.Value;
    }
}
