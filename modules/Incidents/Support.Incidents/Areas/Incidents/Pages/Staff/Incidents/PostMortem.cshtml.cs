using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.PostMortem;
using Support.Incidents.Web;
using Support.Kernel.Staff;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>The post-mortem (major problem review) of an incident: the review, the action plan and the timeline it looks back on.</summary>
internal sealed class PostMortemModel(IMediator mediator, IStaffDirectory staff, TimeProvider clock) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    public PostMortemFile Review { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    [BindProperty]
    public ActionInput NewAction { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Review.Review is { } review)
        {
            Input = new ReviewInput { Participants = review.Participants, WentWell = review.WentWell, WentBadly = review.WentBadly, RootCauses = review.RootCauses, ContributingFactors = review.ContributingFactors };
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new SavePostMortemCommand(Id, Input.Participants, Input.WentWell, Input.WentBadly, Input.RootCauses, Input.ContributingFactors, actor), cancellationToken);

    public Task<IActionResult> OnPostActionAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new AddActionItemCommand(Id, NewAction.Title, NewAction.OwnerId, NewAction.DueOn, actor), cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(long actionId, bool done, CancellationToken cancellationToken) =>
        RunAsync(actor => new SetActionItemDoneCommand(Id, actionId, done, actor), cancellationToken);

    private async Task<IActionResult> RunAsync(Func<string, IRequest<MediatR.Unit>> command, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(command(await User.CurrentNameAsync(staff, cancellationToken)), cancellationToken);
            Notice = "saved";
            return Redirect($"/Staff/Incidents/{Id}/PostMortem");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new PostMortemQuery(Id), cancellationToken) is not { } review)
        {
            return false;
        }

        Review = review;
        Staff = await staff.ListAsync(cancellationToken);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }

    /// <summary>The review form.</summary>
    internal sealed class ReviewInput
    {
        public string? Participants { get; set; }

        public string? WentWell { get; set; }

        public string? WentBadly { get; set; }

        public string? RootCauses { get; set; }

        public string? ContributingFactors { get; set; }
    }

    /// <summary>The form that adds an action item.</summary>
    internal sealed class ActionInput
    {
        public string? Title { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? DueOn { get; set; }
    }
}
