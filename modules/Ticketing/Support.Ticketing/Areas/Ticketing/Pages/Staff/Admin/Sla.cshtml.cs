using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.Administration;
using Support.Ticketing.Features.Sla;
using Support.Ticketing.Web;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Admin;

/// <summary>The SLA policies: targets per severity, their calendar and warning threshold, and the conditions that choose them.</summary>
internal sealed class SlaModel(IMediator mediator, SlaCalendars calendars) : PageModel
{
    public IReadOnlyList<SlaPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<HelpTopicRow> Topics { get; private set; } = [];

    public IReadOnlyList<string> Calendars { get; private set; } = [];

    [BindProperty]
    public PolicyInput Policy { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (id is not null)
        {
            if (Policies.FirstOrDefault(p => p.Id == id) is not { } policy)
            {
                return NotFound();
            }

            Policy = PolicyInput.From(policy);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await mediator.Send(
                new SaveSlaPolicyCommand(Policy.Id, Policy.Name, Policy.Severity, Policy.Contract, Policy.HelpTopicId, Policy.FirstResponse, Policy.NextResponse, Policy.Resolution, Policy.Calendar, Policy.WarningPercent),
                cancellationToken);
            Notice = "saved";
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Policy));
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteSlaPolicyCommand(id), cancellationToken);
        Notice = "deleted";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Policies = await mediator.Send(new SlaPolicyListQuery(), cancellationToken);
        Topics = await mediator.Send(new HelpTopicListQuery(ActiveOnly: false), cancellationToken);
        Calendars = await calendars.NamesAsync(cancellationToken);
    }

    /// <summary>The policy form (no id: a new policy); targets as hours and minutes.</summary>
    internal sealed class PolicyInput
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        public TicketSeverity Severity { get; set; }

        public SlaContractCondition Contract { get; set; }

        public long? HelpTopicId { get; set; }

        public string? FirstResponse { get; set; }

        public string? NextResponse { get; set; }

        public string? Resolution { get; set; }

        public string? Calendar { get; set; }

        public int WarningPercent { get; set; } = 75;

        public static PolicyInput From(SlaPolicy policy) => new()
        {
            Id = policy.Id,
            Name = policy.Name,
            Severity = policy.Severity,
            Contract = policy.Contract,
            HelpTopicId = policy.HelpTopicId,
            FirstResponse = SlaDuration.Format(policy.FirstResponseMinutes),
            NextResponse = SlaDuration.Format(policy.NextResponseMinutes),
            Resolution = SlaDuration.Format(policy.ResolutionMinutes),
            Calendar = policy.Calendar,
            WarningPercent = policy.WarningPercent,
        };
    }
}
