using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.KnowledgeBase.Features.Portal;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Kb;

/// <summary>
/// The portal's search results. Titles, summaries and excerpts are rendered as HTML: they come from
/// <see cref="Highlighter"/>, which encodes the text and adds only the <c>mark</c> elements.
/// </summary>
internal sealed class SearchModel : PageModel
{
    private readonly IMediator _mediator;

    public SearchModel(IMediator mediator) => _mediator = mediator;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ArticleHit> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Q is { Length: > 200 })
        {
            Q = Q[..200];
        }

        Results = await _mediator.Send(new PortalSearchQuery(Q, ArticleSearch.LanguageOf(CultureInfo.CurrentUICulture)), cancellationToken);
    }
}
