using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Workflows.Data;
using Support.Workflows.Features.Definitions;
using Support.Workflows.Features.Instances;

namespace Support.Workflows.Areas.Workflows.Pages.Staff.Admin.Workflows;

/// <summary>Workflow instances, most recently active first, filtered by status, workflow and correlation.</summary>
internal sealed class InstancesModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public WorkflowStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Definition { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Correlation { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<WorkflowInstance> Instances { get; private set; } = [];

    public IReadOnlyList<DefinitionRow> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Definitions = await mediator.Send(new DefinitionListQuery(), cancellationToken);
        Instances = await mediator.Send(new InstanceListQuery(Status, Definition, Correlation, Math.Max(1, PageNumber)), cancellationToken);
    }
}
