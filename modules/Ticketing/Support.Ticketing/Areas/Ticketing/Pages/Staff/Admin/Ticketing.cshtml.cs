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

    public TicketingModel(IMediator mediator, IStaffDirectory staff, TicketingSettings settings)
    {
        _mediator = mediator;
        _staff = staff;
        _settings = settings;
    }

    public IReadOnlyList<HelpTopicRow> Topics { get; private set; } = [];

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public HashSet<(SupportTeam Team, string StaffId)> Members { get; private set; } = [];

    public bool ReopenOnCustomerReply { get; private set; }

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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
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
}
