using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Kernel.Staff;
using Support.Ticketing.Data;
using Support.Ticketing.Contracts;
using Support.Ticketing.Features.Administration;
using Support.Ticketing.Settings;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Admin;

/// <summary>Admin settings of ticketing: help topics, team members, and whether customer replies reopen tickets.</summary>
internal sealed class TicketingModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStaffDirectory _staff;
    private readonly TicketingSettings _settings;

    private readonly TimeProvider _clock;

    public TicketingModel(IMediator mediator, IStaffDirectory staff, TicketingSettings settings, TimeProvider clock)
    {
        _mediator = mediator;
        _staff = staff;
        _settings = settings;
        _clock = clock;
    }

    public IReadOnlyList<HelpTopicRow> Topics { get; private set; } = [];

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public HashSet<(SupportTeam Team, string StaffId)> Members { get; private set; } = [];

    public bool ReopenOnCustomerReply { get; private set; }

    public IReadOnlyList<OnCallShiftRow> OnCall { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    [BindProperty]
    public OnCallInput Shift { get; set; } = new();

    [BindProperty]
    public TopicInput Topic { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTopicAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _mediator.Send(new SaveHelpTopicCommand(Topic.Id, Topic.Key?.Trim(), Topic.NameFr, Topic.NameEn, Topic.SortOrder, Topic.Active), cancellationToken);
            Notice = "topic";
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Topic));
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostTeamsAsync(List<string> member, CancellationToken cancellationToken)
    {
        var members = new List<(SupportTeam, string)>();
        foreach (var value in member)
        {
            var parts = value.Split(':', 2);
            if (parts.Length == 2 && Enum.TryParse<SupportTeam>(parts[0], out var team) && Enum.IsDefined(team))
            {
                members.Add((team, parts[1]));
            }
        }

        var known = (await _staff.ListAsync(cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        await _mediator.Send(new SetTeamMembersCommand([.. members.Where(m => known.Contains(m.Item2))]), cancellationToken);
        Notice = "teams";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReopenAsync(bool reopen, CancellationToken cancellationToken)
    {
        await _mediator.Send(new SetReopenOnCustomerReplyCommand(reopen), cancellationToken);
        Notice = "settings";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOnCallAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _mediator.Send(new AddOnCallShiftCommand(Shift.StaffId, Utc(Shift.Starts), Utc(Shift.Ends)), cancellationToken);
            Notice = "on-call";
            return RedirectToPage(null, null, "on-call");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Shift));
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveOnCallAsync(long id, CancellationToken cancellationToken)
    {
        await _mediator.Send(new RemoveOnCallShiftCommand(id), cancellationToken);
        Notice = "on-call";
        return RedirectToPage(null, null, "on-call");
    }

    /// <summary>The form's times are the console's local times, as every time the console shows.</summary>
    private static DateTime? Utc(DateTime? local) =>
        local is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime() : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = _clock.GetUtcNow().UtcDateTime;
        OnCall = await _mediator.Send(new OnCallRosterQuery(NowUtc), cancellationToken);
        Topics = await _mediator.Send(new HelpTopicListQuery(ActiveOnly: false), cancellationToken);
        Staff = await _staff.ListAsync(cancellationToken);
        Members = [.. await _mediator.Send(new TeamMembersQuery(), cancellationToken)];
        ReopenOnCustomerReply = await _settings.ReopenOnCustomerReplyAsync(cancellationToken);
    }

    /// <summary>The help-topic form (no id: a new topic).</summary>
    internal sealed class TopicInput
    {
        public long? Id { get; set; }

        public string? Key { get; set; }

        public string? NameFr { get; set; }

        public string? NameEn { get; set; }

        public int SortOrder { get; set; } = 100;

        public bool Active { get; set; } = true;
    }

    /// <summary>The on-call form: who, and from when to when (local times).</summary>
    internal sealed class OnCallInput
    {
        public string? StaffId { get; set; }

        public DateTime? Starts { get; set; }

        public DateTime? Ends { get; set; }
    }
}
