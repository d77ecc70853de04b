using System.Globalization;
using System.Net;
using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Kernel.Staff;
using Support.KnowledgeBase.Domain;
using Support.KnowledgeBase.Features.Authoring;
using Support.KnowledgeBase.Features.Categories;
using Support.KnowledgeBase.Search;
using Support.KnowledgeBase.Web;
using Support.Ticketing.Contracts;

namespace Support.KnowledgeBase.Areas.KnowledgeBase.Pages.Staff.KnowledgeBase.Articles;

/// <summary>Writes an article (new, from a ticket, or the next revision of one), saves it as a draft or publishes it.</summary>
[RequestSizeLimit(UploadedFiles.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestLimit)]
internal sealed class EditModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStaffDirectory _staff;
    private readonly IStringLocalizer<KnowledgeBaseResource> _t;

    public EditModel(IMediator mediator, IStaffDirectory staff, IStringLocalizer<KnowledgeBaseResource> t)
    {
        _mediator = mediator;
        _staff = staff;
        _t = t;
    }

    public ArticleForEdit? Existing { get; private set; }

    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    public int? FromTicket { get; private set; }

    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, int? ticket, CancellationToken cancellationToken)
    {
        Categories = await _mediator.Send(new CategoryListQuery(), cancellationToken);
        if (id is { } articleId)
        {
            Existing = await _mediator.Send(new ArticleForEditQuery(articleId), cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }

            Input = ArticleInput.From(Existing);
            return Page();
        }

        Input.Language = ArticleSearch.LanguageOf(CultureInfo.CurrentUICulture);
        Input.CategoryId = Categories.Count > 0 ? Categories[0].Id : 0;
        if (ticket is { } number && await DraftFromTicketAsync(number, cancellationToken) is false)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        try
        {
            var files = await UploadedFiles.ReadAsync(Files, cancellationToken);
            var author = await User.CurrentAuthorAsync(_staff, cancellationToken);
            var saved = await _mediator.Send(
                new SaveArticleCommand(id, Input.CategoryId, Input.Language, Input.Title, Input.Summary, Input.Body, Input.Tags, Input.Visibility, Input.Status, Input.SourceTicketNumber, files, author),
                cancellationToken);
            Notice = Input.Status == ArticleStatus.Published ? _t["The article has been published."] : _t["The draft has been saved."];
            return Redirect($"/Staff/KnowledgeBase/Articles/Edit?id={saved}");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Input));
            Categories = await _mediator.Send(new CategoryListQuery(), cancellationToken);
            if (id is { } articleId)
            {
                Existing = await _mediator.Send(new ArticleForEditQuery(articleId), cancellationToken);
            }

            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(long id, long attachment, CancellationToken cancellationToken)
    {
        await _mediator.Send(new RemoveAttachmentCommand(id, attachment), cancellationToken);
        Notice = _t["The file has been removed."];
        return Redirect($"/Staff/KnowledgeBase/Articles/Edit?id={id}");
    }

    /// <summary>Fills the form from a ticket (asked of Ticketing through its Contracts); false when there is no such ticket.</summary>
    private async Task<bool> DraftFromTicketAsync(int number, CancellationToken cancellationToken)
    {
        if (HttpContext.RequestServices.GetService<IRequestHandler<TicketForArticleQuery, TicketForArticle?>>() is null
            || await _mediator.Send(new TicketForArticleQuery(number), cancellationToken) is not { } ticket)
        {
            return false;
        }

        FromTicket = ticket.Number;
        Input.SourceTicketNumber = ticket.Number;
        Input.Title = ticket.Subject;
        Input.Visibility = ArticleVisibility.Internal;
        if (Categories.FirstOrDefault(c => c.HelpTopicKey == ticket.HelpTopic) is { } category)
        {
            Input.CategoryId = category.Id;
        }

        var customer = ticket.Messages.Where(m => !m.FromStaff).Select(m => m.BodyHtml).FirstOrDefault();
        var answers = ticket.Messages.Where(m => m.FromStaff).Select(m => m.BodyHtml).ToList();
        var body = new StringBuilder();
        body.Append("<h2>").Append(WebUtility.HtmlEncode(_t["Problem"])).Append("</h2>").Append(customer ?? "<p></p>");
        body.Append("<h2>").Append(WebUtility.HtmlEncode(_t["Solution"])).Append("</h2>");
        foreach (var answer in answers)
        {
            body.Append(answer);
        }

        if (answers.Count == 0)
        {
            body.Append("<p></p>");
        }

        // The thread's HTML was sanitised when it was written; it is sanitised again when the article is saved.
        Input.Body = RichText.Sanitise(body.ToString()).Html;
        return true;
    }

    /// <summary>The article form.</summary>
    internal sealed class ArticleInput
    {
        public long CategoryId { get; set; }

        public string? Language { get; set; } = "fr";

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Body { get; set; }

        public string? Tags { get; set; }

        public ArticleVisibility Visibility { get; set; }

        public ArticleStatus Status { get; set; }

        public int? SourceTicketNumber { get; set; }

        public static ArticleInput From(ArticleForEdit article) => new()
        {
            CategoryId = article.CategoryId,
            Language = article.Language,
            Title = article.Title,
            Summary = article.Summary,
            Body = article.BodyHtml,
            Tags = article.Tags,
            Visibility = article.Visibility,
            Status = article.Status,
            SourceTicketNumber = article.SourceTicketNumber,
        };
    }
}
