using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Kernel.Content;
using Support.Plugins.Abstractions;
using Support.Ticketing.Features.CustomerTicket;
using Support.Ticketing.Portal;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Tickets;

/// <summary>The customer's view of their ticket, reached through an access link: the thread and a reply form.</summary>
[RequestSizeLimit(UploadedFiles.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestLimit)]
internal sealed class ViewModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly CustomerAccess _access;
    private readonly CustomerGrants _grants;
    private CustomerGrant? _grant;

    public ViewModel(IMediator mediator, CustomerAccess access, CustomerGrants grants, IEnumerable<ITicketFieldContributor> contributors)
    {
        _mediator = mediator;
        _access = access;
        _grants = grants;
        ContributedFields = [.. contributors.SelectMany(c => c.Fields).Where(f => f.Forms.HasFlag(TicketForm.PortalReply))];
    }

    public CustomerTicketView Ticket { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Fields { get; set; } = [];

    public IReadOnlyList<TicketField> ContributedFields { get; }

    [TempData]
    public string? Notice { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var isLogout = string.Equals(context.HandlerMethod?.Name, "Logout", StringComparison.Ordinal);
        _grant = _access.Read(HttpContext);
        if (!isLogout && (_grant is null || !await _grants.IsValidAsync(_grant, HttpContext.RequestAborted)))
        {
            CustomerAccess.SignOut(HttpContext);
            context.Result = RedirectToPage("/Tickets/Status", new { area = "Ticketing", unusable = _grant is not null });
            return;
        }

        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var files = await UploadedFiles.ReadAsync(Attachments, cancellationToken);
            var result = await _mediator.Send(new CustomerReplyCommand(_grant!.TicketId, Body, files, Fields), cancellationToken);
            Notice = result.Reopened ? "reopened" : result.StillClosed ? "closed" : "sent";
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    public IActionResult OnPostLogout()
    {
        CustomerAccess.SignOut(HttpContext);
        return RedirectToPage("/Tickets/Status", new { area = "Ticketing", signedOut = true });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var ticket = await _mediator.Send(new CustomerTicketQuery(_grant!.TicketId), cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        Ticket = ticket;
        return true;
    }
}
