using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Kernel.Staff;

namespace Support.Incidents.Features.Manage;

/// <summary>Puts a member of staff in the incident's teams with a role (incident lead, communications lead, expert of a team); a lead role has one holder.</summary>
internal sealed record AddTeamMemberCommand(long IncidentId, string? StaffId, IncidentRole Role, ExpertTeam Team, string Actor) : IRequest<Unit>;

internal sealed class AddTeamMemberValidator : AbstractValidator<AddTeamMemberCommand>
{
    public AddTeamMemberValidator(IStringLocalizer<IncidentsResource> t, IStaffDirectory staff, IncidentsDbContext db)
    {
        RuleFor(c => c.StaffId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(t["Choose a member of staff."])
            .MustAsync(async (id, ct) => await staff.FindAsync(id!, ct) is not null).WithMessage(t["Choose a member of staff."]);
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Team).IsInEnum()
            .Must((c, team) => c.Role != IncidentRole.Expert || team != ExpertTeam.None).WithMessage(t["Choose the expert's team."]);
        RuleFor(c => c)
            .MustAsync(async (c, ct) => !await db.TeamMembers.AnyAsync(m => m.IncidentId == c.IncidentId && m.StaffId == c.StaffId && m.Role == c.Role, ct))
            .WithMessage(t["This member of staff already has this role."]);
    }
}

internal sealed class AddTeamMemberHandler(IncidentsDbContext db, IStaffDirectory staff, TimeProvider clock) : IRequestHandler<AddTeamMemberCommand, Unit>
{
    public async Task<Unit> Handle(AddTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var member = (await staff.FindAsync(request.StaffId!, cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Role != IncidentRole.Expert)
        {
            // One incident lead and one communications lead: naming another replaces the holder.
            db.TeamMembers.RemoveRange(await db.TeamMembers.Where(m => m.IncidentId == incident.Id && m.Role == request.Role).ToListAsync(cancellationToken));
        }

        db.TeamMembers.Add(new TeamMember(incident.Id, member.Id, member.DisplayName, member.Email, request.Role, request.Team));
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.TeamChanged, $"+|{member.DisplayName}|{request.Role}|{request.Team}", request.Actor));
        incident.MoveTo(incident.State, now);
        return Unit.Value;
    }
}

/// <summary>Takes a member out of the incident's teams.</summary>
internal sealed record RemoveTeamMemberCommand(long IncidentId, long MemberId, string Actor) : IRequest<Unit>;

internal sealed class RemoveTeamMemberHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<RemoveTeamMemberCommand, Unit>
{
    public async Task<Unit> Handle(RemoveTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.Id == request.MemberId && m.IncidentId == request.IncidentId, cancellationToken)
            ?? throw new KeyNotFoundException($"No team member has the id {request.MemberId}.");
        db.TeamMembers.Remove(member);
        db.Timeline.Add(new TimelineEntry(request.IncidentId, clock.GetUtcNow().UtcDateTime, TimelineKind.TeamChanged, $"−|{member.Name}|{member.Role}|{member.Team}", request.Actor));
        return Unit.Value;
    }
}

/// <summary>Adds a task to the resolution plan, owned by a member of staff.</summary>
internal sealed record AddTaskCommand(long IncidentId, string? Title, string? OwnerId, string Actor) : IRequest<Unit>;

internal sealed class AddTaskValidator : AbstractValidator<AddTaskCommand>
{
    public AddTaskValidator(IStringLocalizer<IncidentsResource> t, IStaffDirectory staff)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(t["Describe the task."])
            .MaximumLength(IncidentLimits.Title).WithMessage(t["The task is too long."]);
        RuleFor(c => c.OwnerId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(t["Choose the task's owner."])
            .MustAsync(async (id, ct) => await staff.FindAsync(id!, ct) is not null).WithMessage(t["Choose the task's owner."]);
    }
}

internal sealed class AddTaskHandler(IncidentsDbContext db, IStaffDirectory staff, TimeProvider clock) : IRequestHandler<AddTaskCommand, Unit>
{
    public async Task<Unit> Handle(AddTaskCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var owner = (await staff.FindAsync(request.OwnerId!, cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Tasks.Add(new ResolutionTask(incident.Id, request.Title!, owner.Id, owner.DisplayName, now));
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.TaskAdded, $"{request.Title!.Trim()} ({owner.DisplayName})", request.Actor));
        return Unit.Value;
    }
}

/// <summary>Moves a task of the resolution plan to another state.</summary>
internal sealed record ChangeTaskStateCommand(long IncidentId, long TaskId, TaskState State, string Actor) : IRequest<Unit>;

internal sealed class ChangeTaskStateHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<ChangeTaskStateCommand, Unit>
{
    public async Task<Unit> Handle(ChangeTaskStateCommand request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == request.TaskId && t.IncidentId == request.IncidentId, cancellationToken)
            ?? throw new KeyNotFoundException($"No task has the id {request.TaskId}.");
        if (!Enum.IsDefined(request.State) || task.State == request.State)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        task.MoveTo(request.State, now);
        db.Timeline.Add(new TimelineEntry(request.IncidentId, now, TimelineKind.TaskStateChanged, $"{task.Title}|{request.State}", request.Actor));
        return Unit.Value;
    }
}

/// <summary>Records the investigation team's assessment of the scope.</summary>
internal sealed record AssessScopeCommand(long IncidentId, string? Assessment, string Actor) : IRequest<Unit>;

internal sealed class AssessScopeValidator : AbstractValidator<AssessScopeCommand>
{
    public AssessScopeValidator(IStringLocalizer<IncidentsResource> t)
    {
        RuleFor(c => c.Assessment).NotEmpty().WithMessage(t["Write the scope assessment."])
            .MaximumLength(IncidentLimits.Text).WithMessage(t["The scope assessment is too long."]);
    }
}

internal sealed class AssessScopeHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<AssessScopeCommand, Unit>
{
    public async Task<Unit> Handle(AssessScopeCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        incident.AssessScope(request.Assessment!, now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.ScopeAssessed, incident.ScopeAssessment, request.Actor));
        return Unit.Value;
    }
}

/// <summary>Sets how often the impacted customers receive an update (in minutes; empty: no cadence).</summary>
internal sealed record SetUpdateCadenceCommand(long IncidentId, int? Minutes, string Actor) : IRequest<Unit>;

internal sealed class SetUpdateCadenceValidator : AbstractValidator<SetUpdateCadenceCommand>
{
    public SetUpdateCadenceValidator(IStringLocalizer<IncidentsResource> t) =>
        RuleFor(c => c.Minutes).InclusiveBetween(5, 24 * 60).When(c => c.Minutes is not null)
            .WithMessage(t["The cadence is between 5 minutes and 24 hours."]);
}

internal sealed class SetUpdateCadenceHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<SetUpdateCadenceCommand, Unit>
{
    public async Task<Unit> Handle(SetUpdateCadenceCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        incident.SetUpdateCadence(request.Minutes, now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.CadenceSet, request.Minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", request.Actor));
        return Unit.Value;
    }
}
