using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.KnowledgeBase.Domain;
using Support.KnowledgeBase.Features.Authoring;
using Support.KnowledgeBase.Features.Categories;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Staff.KnowledgeBase;

/// <summary>The agents' article list, with views, feedback and deflections per article.</summary>
internal sealed class IndexModel : PageModel
{
    private readonly IMediator _mediator;

    public IndexModel(IMediator mediator) => _mediator = mediator;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public long? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public ArticleStatus? Status { get; set; }

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await _mediator.Send(new CategoryListQuery(), cancellationToken);
        Articles = await _mediator.Send(new ArticleListQuery(Search, Category, Status, ArticleSearch.LanguageOf(CultureInfo.CurrentUICulture)), cancellationToken);
    }
}
