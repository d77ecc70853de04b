using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Kernel.Content;
using Support.Kernel.Staff;
using Support.KnowledgeBase.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Contracts;
using Support.Ticketing.Features.Administration;
using Support.Ticketing.Features.AgentConsole;
using Support.Ticketing.Features.Companies;
using Support.Ticketing.Features.TimeAccounting;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Tickets;

/// <summary>A ticket in the console: thread, reply and note, properties, time, access links and audit trail.</summary>
[RequestSizeLimit(UploadedFiles.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestLimit)]
internal sealed class TicketModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStaffDirectory _staff;
    private readonly KnowledgeBaseArticles _knowledgeBase;

    public TicketModel(IMediator mediator, IStaffDirectory staff, IEnumerable<Support.Plugins.Abstractions.ITicketFieldContributor> contributors, KnowledgeBaseArticles knowledgeBase)
    {
        _mediator = mediator;
        _staff = staff;
        _knowledgeBase = knowledgeBase;
        StaffFields = [.. contributors.SelectMany(c => c.Fields).Where(f => f.Forms.HasFlag(Support.Plugins.Abstractions.TicketForm.Staff))];
    }

    /// <summary>The plugin fields agents can enter or correct on this page.</summary>
    public IReadOnlyList<Support.Plugins.Abstractions.TicketField> StaffFields { get; }

    [BindProperty]
    public Dictionary<string, string?> Fields { get; set; } = [];

    /// <summary>Whether the page offers the knowledge-base search and "create an article from this ticket".</summary>
    public bool KnowledgeBaseAvailable => _knowledgeBase.IsAvailable;

    /// <summary>The knowledge-base page that drafts an article from this ticket's thread.</summary>
    public string NewArticleUrl => KnowledgeBaseUrls.NewArticleFromTicket(Ticket.Number);

    public AgentTicketView Ticket { get; private set; } = null!;

    public IReadOnlyList<HelpTopicRow> Topics { get; private set; } = [];

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];

    public IReadOnlyList<StaffMember> Agents { get; private set; } = [];

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    [BindProperty]
    public PropertiesInput Properties { get; set; } = new();

    [BindProperty]
    public TimeInput Time { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The articles matching an agent's search, for the page's script (links only to those customers can read).</summary>
    public async Task<IActionResult> OnGetKnowledgeBaseAsync(string? q, CancellationToken cancellationToken)
    {
        var articles = await _knowledgeBase.SearchForAgentAsync(q, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return new JsonResult(articles.Select(a => new { a.Title, a.Summary, a.Url, a.IsPublic, Edit = KnowledgeBaseUrls.EditArticle(a.Id) }));
    }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        Properties = new PropertiesInput
        {
            Team = Ticket.Team,
            AssignedAgentId = Ticket.AssignedAgentId,
            Status = Ticket.Status,
            Priority = Ticket.Priority,
            Severity = Ticket.Severity,
            HelpTopicId = Ticket.HelpTopicId,
            CompanyId = Ticket.CompanyId,
        };
        Time = new TimeInput { Billable = !Ticket.CompanyHasContract };
        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(number, "Reply", async agent =>
        {
            var files = await UploadedFiles.ReadAsync(Attachments, cancellationToken);
            await _mediator.Send(new AgentReplyCommand(number, agent, Reply.Body, Reply.InternalNote, Reply.ThenStatus, files), cancellationToken);
            return Reply.InternalNote ? "note" : "reply";
        }, cancellationToken);

    public Task<IActionResult> OnPostPropertiesAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(number, "Properties", async agent =>
        {
            await _mediator.Send(
                new UpdateTicketCommand(number, agent, Properties.Team, Properties.AssignedAgentId, Properties.Status, Properties.Priority, Properties.Severity, Properties.HelpTopicId, Properties.CompanyId),
                cancellationToken);
            return "properties";
        }, cancellationToken);

    public Task<IActionResult> OnPostTimeAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(number, "Time", async agent =>
        {
            await _mediator.Send(new RecordTimeCommand(number, agent, Time.Minutes ?? 0, Time.Note, Time.Billable, Time.WorkedOn), cancellationToken);
            return "time";
        }, cancellationToken);

    public Task<IActionResult> OnPostFieldsAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(number, "", async agent =>
        {
            await _mediator.Send(new UpdateTicketFieldsCommand(number, agent, Fields), cancellationToken);
            return "fields";
        }, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(int number, long? link, CancellationToken cancellationToken) =>
        RunAsync(number, "", async agent =>
        {
            await _mediator.Send(new RevokeAccessLinksCommand(number, agent, link), cancellationToken);
            return "revoked";
        }, cancellationToken);

    private async Task<IActionResult> RunAsync(int number, string prefix, Func<Features.AgentConsole.Agent, Task<string>> action, CancellationToken cancellationToken)
    {
        var agent = await User.CurrentAgentAsync(_staff, cancellationToken);
        try
        {
            Notice = await action(agent);
            return RedirectToPage(new { number });
        }
        catch (TicketNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, prefix);
            return await LoadAsync(number, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int number, CancellationToken cancellationToken)
    {
        var ticket = await _mediator.Send(new AgentTicketQuery(number), cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        Ticket = ticket;
        if (Fields.Count == 0)
        {
            // Not the form posted: the stored values.
            Fields = ticket.Fields.ToDictionary(f => f.Key, f => (string?)f.Value);
        }

        Topics = await _mediator.Send(new HelpTopicListQuery(ActiveOnly: false), cancellationToken);
        Companies = await _mediator.Send(new CompanyListQuery(null), cancellationToken);
        Agents = await _staff.ListAsync(cancellationToken);
        return true;
    }

    /// <summary>The reply form.</summary>
    internal sealed class ReplyInput
    {
        public string? Body { get; set; }

        public bool InternalNote { get; set; }

        public TicketStatus? ThenStatus { get; set; }
    }

    /// <summary>The properties form.</summary>
    internal sealed class PropertiesInput
    {
        public SupportTeam Team { get; set; }

        public string? AssignedAgentId { get; set; }

        public TicketStatus Status { get; set; }

        public TicketPriority Priority { get; set; }

        public TicketSeverity Severity { get; set; }

        public long HelpTopicId { get; set; }

        public long CompanyId { get; set; }
    }

    /// <summary>The time-entry form.</summary>
    internal sealed class TimeInput
    {
        public int? Minutes { get; set; }

        public string? Note { get; set; }

        public bool Billable { get; set; }

        public DateOnly? WorkedOn { get; set; }
    }
}
