using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.KnowledgeBase.Features.Portal;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Kb;

/// <summary>The portal's knowledge base: categories with their articles, and the search box.</summary>
internal sealed class IndexModel : PageModel
{
    private readonly IMediator _mediator;

    public IndexModel(IMediator mediator) => _mediator = mediator;

    public IReadOnlyList<PortalCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await _mediator.Send(new PortalCategoriesQuery(ArticleSearch.LanguageOf(CultureInfo.CurrentUICulture), 8), cancellationToken);
}
