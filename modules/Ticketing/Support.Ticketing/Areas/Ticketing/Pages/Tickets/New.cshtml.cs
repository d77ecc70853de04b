using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
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

    public NewModel(IMediator mediator, IEnumerable<ITicketFieldContributor> contributors, IOptions<TicketingOptions> options)
    {
        _mediator = mediator;
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

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Topics = await _mediator.Send(new HelpTopicListQuery(ActiveOnly: true), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            var files = await UploadedFiles.ReadAsync(Attachments, cancellationToken);
            var opened = await _mediator.Send(new OpenTicketCommand(Input, files, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), cancellationToken);
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
