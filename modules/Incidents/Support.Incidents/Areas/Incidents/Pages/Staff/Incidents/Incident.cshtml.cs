using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Domain;
using Support.Incidents.Features.Browse;
using Support.Incidents.Features.Manage;
using Support.Incidents.Features.Rca;
using Support.Incidents.Web;
using Support.Kernel.Staff;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>One major incident: what it is, its state, impacted companies, linked tickets, notifications and timeline.</summary>
internal sealed class IncidentModel(IMediator mediator, IStaffDirectory staff, TimeProvider clock) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    public IncidentFile Current { get; private set; } = null!;

    public IReadOnlyList<CompanySummary> Directory { get; private set; } = [];

    [BindProperty]
    public IncidentState NewState { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? TicketNumber { get; set; }

    [BindProperty]
    public List<long> CompanyIds { get; set; } = [];

    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public MemberInput Member { get; set; } = new();

    [BindProperty]
    public TaskInput NewTask { get; set; } = new();

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public int? CadenceMinutes { get; set; }

    [BindProperty]
    public string? PublicMessage { get; set; }

    [BindProperty]
    public string? DeclineReason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The customers' requests for the RCA report, newest first.</summary>
    public IReadOnlyList<RcaRequest> RcaRequests { get; private set; } = [];

    /// <summary>Whether the post-mortem exists (the RCA report is generated from it).</summary>
    public bool HasPostMortem { get; private set; }

    public DateTime NowUtc { get; private set; }

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(fillDetails: true, null, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostStateAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new ChangeIncidentStateCommand(Id, NewState, Note, actor), "state", cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new LinkTicketCommand(Id, TicketNumber, actor), "link", cancellationToken);

    public Task<IActionResult> OnPostCompaniesAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new SetAffectedCompaniesCommand(Id, CompanyIds, actor), "companies", cancellationToken);

    public Task<IActionResult> OnPostImpactAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new DetermineImpactCommand(Id, actor), "impact", cancellationToken);

    public Task<IActionResult> OnPostDetailsAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new EditIncidentCommand(Id, Details.Title, Details.Description, Details.AffectedServices, Details.Impact, Details.Severity, actor), "details", cancellationToken);

    public Task<IActionResult> OnPostMemberAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new AddTeamMemberCommand(Id, Member.StaffId, Member.Role, Member.Team, actor), "team", cancellationToken);

    public Task<IActionResult> OnPostRemoveMemberAsync(long memberId, CancellationToken cancellationToken) =>
        RunAsync(actor => new RemoveTeamMemberCommand(Id, memberId, actor), "team", cancellationToken);

    public Task<IActionResult> OnPostTaskAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new AddTaskCommand(Id, NewTask.Title, NewTask.OwnerId, actor), "task", cancellationToken);

    public Task<IActionResult> OnPostTaskStateAsync(long taskId, TaskState taskState, CancellationToken cancellationToken) =>
        RunAsync(actor => new ChangeTaskStateCommand(Id, taskId, taskState, actor), "task", cancellationToken);

    public Task<IActionResult> OnPostScopeAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new AssessScopeCommand(Id, Scope, actor), "scope", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new Features.StatusPage.PublishStatusUpdateCommand(Id, PublicMessage, actor), "publish", cancellationToken);

    public Task<IActionResult> OnPostCadenceAsync(CancellationToken cancellationToken) =>
        RunAsync(actor => new SetUpdateCadenceCommand(Id, CadenceMinutes, actor), "cadence", cancellationToken);

    public Task<IActionResult> OnPostApproveRcaAsync(long requestId, CancellationToken cancellationToken) =>
        RunAsync(actor => new ApproveRcaRequestCommand(Id, requestId, actor), "rca", cancellationToken);

    public Task<IActionResult> OnPostDeclineRcaAsync(long requestId, CancellationToken cancellationToken) =>
        RunAsync(actor => new DeclineRcaRequestCommand(Id, requestId, DeclineReason, actor), "rca", cancellationToken);

    private async Task<IActionResult> RunAsync<TResponse>(Func<string, IRequest<TResponse>> command, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(command(await User.CurrentNameAsync(staff, cancellationToken)), cancellationToken);
            Notice = notice;
            return Redirect($"/Staff/Incidents/{Id}");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return await LoadAsync(fillDetails: notice != "details", notice, cancellationToken) ? Page() : NotFound();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(bool fillDetails, string? notice, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new IncidentFileQuery(Id), cancellationToken) is not { } file)
        {
            return false;
        }

        Current = file;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Directory = await mediator.Send(new CompanyDirectoryQuery(), cancellationToken);
        NewState = file.Incident.State;
        Staff = await staff.ListAsync(cancellationToken);
        RcaRequests = await mediator.Send(new RcaRequestsQuery(Id), cancellationToken);
        HasPostMortem = await mediator.Send(new RcaReportQuery(Id), cancellationToken) is not null;
        if (notice is not "scope")
        {
            Scope = file.Incident.ScopeAssessment;
        }

        if (notice is not "cadence")
        {
            CadenceMinutes = file.Incident.UpdateCadenceMinutes;
        }
        if (fillDetails)
        {
            var incident = file.Incident;
            Details = new DetailsInput { Title = incident.Title, Description = incident.Description, AffectedServices = incident.AffectedServices, Impact = incident.Impact, Severity = incident.Severity };
        }

        return true;
    }

    /// <summary>The form that puts a member of staff in a team.</summary>
    internal sealed class MemberInput
    {
        public string? StaffId { get; set; }

        public IncidentRole Role { get; set; }

        public ExpertTeam Team { get; set; }
    }

    /// <summary>The form that adds a task to the resolution plan.</summary>
    internal sealed class TaskInput
    {
        public string? Title { get; set; }

        public string? OwnerId { get; set; }
    }

    /// <summary>The form that edits what the incident is.</summary>
    internal sealed class DetailsInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? AffectedServices { get; set; }

        public string? Impact { get; set; }

        public IncidentSeverity Severity { get; set; }
    }
}
