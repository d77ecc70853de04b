using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Email;
using Support.Kernel.Persistence;

namespace Support.Host.Pages.Staff.Admin;

/// <summary>The admins' view of the email outbox: what was queued, sent or failed, with attempts and errors.</summary>
internal sealed class MessagesModel : PageModel
{
    private const int PageSize = 50;

    private readonly KernelDbContext _db;
    private readonly IEmailOutbox _outbox;
    private readonly UnitOfWork _unitOfWork;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public MessagesModel(
        KernelDbContext db,
        IEmailOutbox outbox,
        UnitOfWork unitOfWork,
        TimeProvider clock,
        IStringLocalizer<SharedResource> text,
        EmailTransportDescription transport)
    {
        _db = db;
        _outbox = outbox;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _text = text;
        Transport = transport.Value;
    }

    public string Transport { get; }

    [BindProperty(SupportsGet = true)]
    public EmailStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string TestRecipient { get; set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<EmailMessage> Messages { get; private set; } = [];

    /// <summary>The attached files of the page's messages (names and sizes, not their content), by message id.</summary>
    public ILookup<long, AttachedFile> Attachments { get; private set; } = Array.Empty<AttachedFile>().ToLookup(a => a.MessageId);

    public long? NextBeforeId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        _outbox.Queue(new OutgoingEmail(
            TestRecipient.Trim(),
            null,
            _text["Test message from the support centre"],
            _text["This message confirms that the support centre can send email."],
            null,
            "test"));
        await _unitOfWork.CommitAsync(cancellationToken);
        Notice = _text["The test email is queued."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await _db.EmailMessages.FindAsync([id], cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        message.Requeue(_clock.GetUtcNow().UtcDateTime);
        await _unitOfWork.CommitAsync(cancellationToken);
        Notice = _text["The message is queued again."];
        return RedirectToPage(new { Status });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = _db.EmailMessages.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (Before is { } before)
        {
            query = query.Where(m => m.Id < before);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        NextBeforeId = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        Messages = rows.Take(PageSize).ToList();
        var ids = Messages.Select(m => m.Id).ToList();
        var files = await _db.EmailAttachments.AsNoTracking()
            .Where(a => ids.Contains(a.EmailMessageId))
            .OrderBy(a => a.Id)
            .Select(a => new AttachedFile(a.EmailMessageId, a.FileName, a.Size))
            .ToListAsync(cancellationToken);
        Attachments = files.ToLookup(a => a.MessageId);
    }

    /// <summary>A file attached to a message, as the tracking page lists it.</summary>
    internal sealed record AttachedFile(long MessageId, string FileName, int Size);
}
