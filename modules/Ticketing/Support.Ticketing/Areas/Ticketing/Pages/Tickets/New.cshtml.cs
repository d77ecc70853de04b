using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Support.Kernel.Content;
using Support.Plugins.Abstractions;
using Support.Ticketing.Data;
using Support.Ticketing.Features.Administration;
using Support.Ticketing.Features.OpenTicket;
using Support.Ticketing.Settings;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Tickets;

/// <summary>The portal's "Open a new ticket" form.</summary>
[RequestSizeLimit(UploadedFiles.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestLimit)]
internal sealed class NewModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly KnowledgeBaseArticles _knowledgeBase;

    public NewModel(IMediator mediator, KnowledgeBaseArticles knowledgeBase, IEnumerable<ITicketFieldContributor> contributors, IOptions<TicketingOptions> options)
    {
        _mediator = mediator;
        _knowledgeBase = knowledgeBase;
        ContributedFields = [.. contributors.SelectMany(c => c.Fields).Where(f => f.Forms.HasFlag(TicketForm.PortalNewTicket))];
        SupportPhone = options.Value.SupportPhone;
    }

    [BindProperty]
    public NewTicketForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyList<HelpTopicRow> Topics { get; private set; } = [];

    public IReadOnlyList<TicketField> ContributedFields { get; }

    public string? SupportPhone { get; }

    /// <summary>Whether the form suggests knowledge-base articles as the customer types.</summary>
    public bool SuggestsArticles => _knowledgeBase.IsAvailable;

    /// <summary>The ids of the suggested articles the customer opened, put in the form by its script.</summary>
    [BindProperty]
    public string? SuggestionOpenings { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Topics = await _mediator.Send(new HelpTopicListQuery(ActiveOnly: true), cancellationToken);

    /// <summary>The articles that match what the customer typed so far, for the form's script.</summary>
    public async Task<IActionResult> OnGetSuggestionsAsync(string? q, CancellationToken cancellationToken)
    {
        var suggestions = await _knowledgeBase.SuggestAsync(q, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return new JsonResult(suggestions.Select(s => new { s.Title, s.Summary, s.Url }));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            var files = await UploadedFiles.ReadAsync(Attachments, cancellationToken);
            var opened = await _mediator.Send(new OpenTicketCommand(Input, files, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), cancellationToken);
            await _knowledgeBase.TicketOpenedAfterAsync(SuggestionOpenings, cancellationToken);
            TempData["TicketNumber"] = opened.Number;
            TempData["CustomerName"] = opened.CustomerName;
            TempData["CriticalSituation"] = Input.CriticalSituation;
            return RedirectToPage("/Tickets/Created", new { area = "Ticketing" });
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Input));
            Topics = await _mediator.Send(new HelpTopicListQuery(ActiveOnly: true), cancellationToken);
            return Page();
        }
    }
}
