using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.KnowledgeBase.Features.Portal;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Kb;

/// <summary>One category's articles on the portal.</summary>
internal sealed class CategoryModel : PageModel
{
    private readonly IMediator _mediator;

    public CategoryModel(IMediator mediator) => _mediator = mediator;

    public PortalCategory? Category { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Category = await _mediator.Send(new PortalCategoryQuery(id, ArticleSearch.LanguageOf(CultureInfo.CurrentUICulture)), cancellationToken);
        return Category is null ? NotFound() : Page();
    }
}
