using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.KnowledgeBase.Features.Categories;
using Support.KnowledgeBase.Web;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Staff.KnowledgeBase;

/// <summary>The categories articles are filed in: the help topics at first, editable.</summary>
internal sealed class CategoriesModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStringLocalizer<KnowledgeBaseResource> _t;

    public CategoriesModel(IMediator mediator, IStringLocalizer<KnowledgeBaseResource> t)
    {
        _mediator = mediator;
        _t = t;
    }

    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    [BindProperty]
    public CategoryInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(long? edit, CancellationToken cancellationToken)
    {
        Categories = await _mediator.Send(new CategoryListQuery(), cancellationToken);
        if (edit is { } id && Categories.FirstOrDefault(c => c.Id == id) is { } category)
        {
            Input = new CategoryInput { Id = category.Id, NameFr = category.NameFr, NameEn = category.NameEn, SortOrder = category.SortOrder };
        }
        else
        {
            Input.SortOrder = Categories.Count == 0 ? 10 : Categories.Max(c => c.SortOrder) + 10;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _mediator.Send(new SaveCategoryCommand(Input.Id, Input.NameFr, Input.NameEn, Input.SortOrder), cancellationToken);
            Notice = _t["The category has been saved."];
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Input));
            Categories = await _mediator.Send(new CategoryListQuery(), cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await _mediator.Send(new DeleteCategoryCommand(id), cancellationToken);
            Notice = _t["The category has been deleted."];
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            Categories = await _mediator.Send(new CategoryListQuery(), cancellationToken);
            return Page();
        }
    }

    /// <summary>The category form (no id: a new category).</summary>
    internal sealed class CategoryInput
    {
        public long? Id { get; set; }

        public string? NameFr { get; set; }

        public string? NameEn { get; set; }

        public int SortOrder { get; set; }
    }
}
