using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Kernel.Staff;
using Support.KnowledgeBase.Features.Authoring;
using Support.KnowledgeBase.Web;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Staff.KnowledgeBase.Articles;

/// <summary>An earlier revision of an article as it was saved, and the button that brings it back.</summary>
internal sealed class RevisionModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStaffDirectory _staff;
    private readonly IStringLocalizer<KnowledgeBaseResource> _t;

    public RevisionModel(IMediator mediator, IStaffDirectory staff, IStringLocalizer<KnowledgeBaseResource> t)
    {
        _mediator = mediator;
        _staff = staff;
        _t = t;
    }

    public RevisionView? Revision { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, int number, CancellationToken cancellationToken)
    {
        Revision = await _mediator.Send(new RevisionQuery(id, number), cancellationToken);
        return Revision is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, int number, CancellationToken cancellationToken)
    {
        try
        {
            var author = await User.CurrentAuthorAsync(_staff, cancellationToken);
            var restored = await _mediator.Send(new RestoreRevisionCommand(id, number, author), cancellationToken);
            Notice = _t["Revision {0} has been restored as revision {1}.", number, restored];
            return Redirect($"/Staff/KnowledgeBase/Articles/Edit?id={id}");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return await OnGetAsync(id, number, cancellationToken);
        }
    }
}
