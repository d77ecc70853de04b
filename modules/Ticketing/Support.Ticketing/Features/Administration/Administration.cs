using FluentValidation;
using MediatR;
using Support.Kernel.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Settings;

namespace Support.Ticketing.Features.Administration;

/// <summary>Every help topic, active or not, in the portal's order.</summary>
internal sealed record HelpTopicListQuery(bool ActiveOnly) : IQuery<IReadOnlyList<HelpTopicRow>>;

internal sealed class HelpTopicListQueryHandler : IRequestHandler<HelpTopicListQuery, IReadOnlyList<HelpTopicRow>>
{
    private readonly TicketingDbContext _db;
    private readonly HelpTopicCatalog _catalog;

    public HelpTopicListQueryHandler(TicketingDbContext db, HelpTopicCatalog catalog)
    {
        _db = db;
        _catalog = catalog;
    }

    public async Task<IReadOnlyList<HelpTopicRow>> Handle(HelpTopicListQuery request, CancellationToken cancellationToken)
    {
        var topics = await _catalog.AllAsync(_db, cancellationToken);
        return request.ActiveOnly ? [.. topics.Where(t => t.Active)] : topics;
    }
}

/// <summary>Adds a help topic (no id) or changes one; a topic is deactivated, never deleted, so old tickets keep it.</summary>
internal sealed record SaveHelpTopicCommand(long? Id, string? Key, string? NameFr, string? NameEn, int SortOrder, bool Active) : IRequest<Unit>;

internal sealed class SaveHelpTopicValidator : AbstractValidator<SaveHelpTopicCommand>
{
    public SaveHelpTopicValidator(IStringLocalizer<TicketingResource> t, TicketingDbContext db)
    {
        RuleFor(c => c.NameFr).SingleLine(t, t["French name"], 100, required: true);
        RuleFor(c => c.NameEn).SingleLine(t, t["English name"], 100, required: true);
        RuleFor(c => c.Key)
            .Must(k => !string.IsNullOrWhiteSpace(k) && System.Text.RegularExpressions.Regex.IsMatch(k, "^[a-z0-9-]{2,64}$"))
            .When(c => c.Id is null)
            .WithMessage(t["The key is 2 to 64 lower-case letters, digits or dashes, e.g. printer."]);
        RuleFor(c => c.Key)
            .MustAsync(async (k, ct) => !await db.HelpTopics.AnyAsync(h => h.Key == k, ct))
            .When(c => c.Id is null)
            .WithMessage(t["Another help topic already has this key."]);
    }
}

internal sealed class SaveHelpTopicHandler : IRequestHandler<SaveHelpTopicCommand, Unit>
{
    private readonly TicketingDbContext _db;

    public SaveHelpTopicHandler(TicketingDbContext db) => _db = db;

    public async Task<Unit> Handle(SaveHelpTopicCommand request, CancellationToken cancellationToken)
    {
        if (request.Id is { } id)
        {
            var topic = await _db.HelpTopics.SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
                ?? throw new KeyNotFoundException($"No help topic has the id {id}.");
            topic.Update(request.NameFr!.Trim(), request.NameEn!.Trim(), request.SortOrder, request.Active);
        }
        else
        {
            _db.HelpTopics.Add(new HelpTopic(request.Key!, request.NameFr!.Trim(), request.NameEn!.Trim(), request.SortOrder));
        }

        return Unit.Value;
    }
}

/// <summary>The members of each team.</summary>
internal sealed record TeamMembersQuery : IQuery<IReadOnlyList<(SupportTeam Team, string StaffId)>>;

internal sealed class TeamMembersQueryHandler : IRequestHandler<TeamMembersQuery, IReadOnlyList<(SupportTeam Team, string StaffId)>>
{
    private readonly TicketingDbContext _db;

    public TeamMembersQueryHandler(TicketingDbContext db) => _db = db;

    public async Task<IReadOnlyList<(SupportTeam Team, string StaffId)>> Handle(TeamMembersQuery request, CancellationToken cancellationToken)
    {
        var members = await _db.TeamMembers.AsNoTracking().Select(m => new { m.Team, m.StaffId }).ToListAsync(cancellationToken);
        return [.. members.Select(m => (m.Team, m.StaffId))];
    }
}

/// <summary>Sets the members of every team at once (the admin page is a grid of check boxes).</summary>
internal sealed record SetTeamMembersCommand(IReadOnlyList<(SupportTeam Team, string StaffId)> Members) : IRequest<Unit>;

internal sealed class SetTeamMembersHandler : IRequestHandler<SetTeamMembersCommand, Unit>
{
    private readonly TicketingDbContext _db;

    public SetTeamMembersHandler(TicketingDbContext db) => _db = db;

    public async Task<Unit> Handle(SetTeamMembersCommand request, CancellationToken cancellationToken)
    {
        var current = await _db.TeamMembers.ToListAsync(cancellationToken);
        var wanted = request.Members.Distinct().ToHashSet();
        _db.TeamMembers.RemoveRange(current.Where(m => !wanted.Contains((m.Team, m.StaffId))));
        foreach (var (team, staffId) in wanted.Where(w => !current.Any(m => m.Team == w.Team && m.StaffId == w.StaffId)))
        {
            _db.TeamMembers.Add(new TeamMember(team, staffId));
        }

        return Unit.Value;
    }
}

/// <summary>Turns "a customer reply reopens a closed ticket" on or off.</summary>
internal sealed record SetReopenOnCustomerReplyCommand(bool Reopen) : IRequest<Unit>;

internal sealed class SetReopenOnCustomerReplyHandler : IRequestHandler<SetReopenOnCustomerReplyCommand, Unit>
{
    private readonly TicketingSettings _settings;

    public SetReopenOnCustomerReplyHandler(TicketingSettings settings) => _settings = settings;

    public async Task<Unit> Handle(SetReopenOnCustomerReplyCommand request, CancellationToken cancellationToken)
    {
        await _settings.SetReopenOnCustomerReplyAsync(request.Reopen, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>A period of the on-call roster, with the agent's name as the staff directory knows it.</summary>
internal sealed record OnCallShiftRow(long Id, string StaffId, string StaffName, DateTime StartsAtUtc, DateTime EndsAtUtc)
{
    public bool IsCurrent(DateTime now) => StartsAtUtc <= now && now < EndsAtUtc;
}

/// <summary>The on-call periods not yet over at <paramref name="NowUtc"/>, the earliest first.</summary>
internal sealed record OnCallRosterQuery(DateTime NowUtc) : IQuery<IReadOnlyList<OnCallShiftRow>>;

internal sealed class OnCallRosterQueryHandler : IRequestHandler<OnCallRosterQuery, IReadOnlyList<OnCallShiftRow>>
{
    private readonly TicketingDbContext _db;
    private readonly Support.Kernel.Staff.IStaffDirectory _staff;

    public OnCallRosterQueryHandler(TicketingDbContext db, Support.Kernel.Staff.IStaffDirectory staff)
    {
        _db = db;
        _staff = staff;
    }

    public async Task<IReadOnlyList<OnCallShiftRow>> Handle(OnCallRosterQuery request, CancellationToken cancellationToken)
    {
        var shifts = await _db.OnCallShifts.AsNoTracking()
            .Where(s => s.EndsAtUtc > request.NowUtc)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var names = (await _staff.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);
        return [.. shifts.Select(s => new OnCallShiftRow(s.Id, s.StaffId, names.GetValueOrDefault(s.StaffId, s.StaffId), s.StartsAtUtc, s.EndsAtUtc))];
    }
}

/// <summary>Puts a member of staff on call from <paramref name="StartsAtUtc"/> to <paramref name="EndsAtUtc"/>.</summary>
internal sealed record AddOnCallShiftCommand(string? StaffId, DateTime? StartsAtUtc, DateTime? EndsAtUtc) : IRequest<Unit>;

internal sealed class AddOnCallShiftValidator : AbstractValidator<AddOnCallShiftCommand>
{
    /// <summary>The longest period one entry covers; a longer duty is entered as several periods.</summary>
    public static readonly TimeSpan LongestShift = TimeSpan.FromDays(31);

    public AddOnCallShiftValidator(IStringLocalizer<TicketingResource> t, Support.Kernel.Staff.IStaffDirectory staff, TimeProvider clock)
    {
        RuleFor(c => c.StaffId)
            .MustAsync(async (id, ct) => id is not null && (await staff.ListAsync(ct)).Any(s => s.Id == id))
            .WithMessage(t["Choose the member of staff on call."]);
        RuleFor(c => c.StartsAtUtc).NotNull().WithMessage(t["Enter when the on-call period starts."]);
        RuleFor(c => c.EndsAtUtc).NotNull().WithMessage(t["Enter when the on-call period ends."]);
        RuleFor(c => c)
            .Must(c => c.EndsAtUtc > c.StartsAtUtc)
            .When(c => c.StartsAtUtc is not null && c.EndsAtUtc is not null)
            .WithName(nameof(AddOnCallShiftCommand.EndsAtUtc))
            .WithMessage(t["The on-call period must end after it starts."]);
        RuleFor(c => c)
            .Must(c => c.EndsAtUtc - c.StartsAtUtc <= LongestShift)
            .When(c => c.StartsAtUtc is not null && c.EndsAtUtc > c.StartsAtUtc)
            .WithName(nameof(AddOnCallShiftCommand.EndsAtUtc))
            .WithMessage(t["An on-call period lasts at most 31 days; enter a longer duty as several periods."]);
        RuleFor(c => c.EndsAtUtc)
            .Must(end => end > clock.GetUtcNow().UtcDateTime)
            .When(c => c.EndsAtUtc is not null && c.StartsAtUtc is not null && c.EndsAtUtc > c.StartsAtUtc)
            .WithMessage(t["This on-call period is already over."]);
    }
}

internal sealed class AddOnCallShiftHandler : IRequestHandler<AddOnCallShiftCommand, Unit>
{
    private readonly TicketingDbContext _db;

    public AddOnCallShiftHandler(TicketingDbContext db) => _db = db;

    public Task<Unit> Handle(AddOnCallShiftCommand request, CancellationToken cancellationToken)
    {
        _db.OnCallShifts.Add(new OnCallShift(request.StaffId!, request.StartsAtUtc!.Value, request.EndsAtUtc!.Value));
        return Task.FromResult(Unit.Value);
    }
}

/// <summary>Takes a period off the on-call roster; removing one that is already gone changes nothing.</summary>
internal sealed record RemoveOnCallShiftCommand(long Id) : IRequest<Unit>;

internal sealed class RemoveOnCallShiftHandler : IRequestHandler<RemoveOnCallShiftCommand, Unit>
{
    private readonly TicketingDbContext _db;

    public RemoveOnCallShiftHandler(TicketingDbContext db) => _db = db;

    public async Task<Unit> Handle(RemoveOnCallShiftCommand request, CancellationToken cancellationToken)
    {
        await _db.OnCallShifts.Where(s => s.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
