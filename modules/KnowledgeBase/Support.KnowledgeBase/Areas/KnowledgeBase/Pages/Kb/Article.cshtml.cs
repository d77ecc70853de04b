using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.KnowledgeBase.Features.Portal;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Kb;

/// <summary>An article as customers read it, with "Was this article helpful?".</summary>
internal sealed class ArticleModel : PageModel
{
    /// <summary>The articles this browser already rated, so that one visitor counts once per article.</summary>
    private const string FeedbackCookie = "kb.feedback";

    private readonly IMediator _mediator;

    public ArticleModel(IMediator mediator) => _mediator = mediator;

    public PortalArticle? Article { get; private set; }

    public bool FeedbackGiven { get; private set; }

    /// <summary>The id the new-ticket form gave the link of a suggested article.</summary>
    [BindProperty(SupportsGet = true, Name = "opening")]
    public Guid? Opening { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Article = await _mediator.Send(new ReadArticleCommand(id, ArticleSearch.LanguageOf(CultureInfo.CurrentUICulture), Opening), cancellationToken);
        FeedbackGiven = Rated().Contains(id);
        return Article is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(long id, bool helpful, CancellationToken cancellationToken)
    {
        var rated = Rated();
        if (!rated.Contains(id))
        {
            if (!await _mediator.Send(new ArticleFeedbackCommand(id, helpful), cancellationToken))
            {
                return NotFound();
            }

            rated.Add(id);
            Response.Cookies.Append(FeedbackCookie, string.Join('.', rated.TakeLast(200)), new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        return Redirect($"/kb/articles/{id}#feedback-title");
    }

    private List<long> Rated() =>
        [.. (Request.Cookies[FeedbackCookie] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)];
}
