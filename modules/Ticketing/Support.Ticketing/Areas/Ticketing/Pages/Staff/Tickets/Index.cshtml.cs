using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Kernel.Staff;
using Support.Ticketing.Data;
using Support.Ticketing.Contracts;
using Support.Ticketing.Features.Administration;
using Support.Ticketing.Features.AgentConsole;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Tickets;

/// <summary>The agent's queues: filters, search, sort and keyset paging.</summary>
internal sealed class IndexModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStaffDirectory _staff;
    private readonly TimeProvider _clock;

    public IndexModel(IMediator mediator, IStaffDirectory staff, TimeProvider clock)
    {
        _mediator = mediator;
        _staff = staff;
        _clock = clock;
    }

    /// <summary>The moment the SLA states on the page are computed for.</summary>
    public DateTime Now { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Queue Queue { get; set; } = Queue.Open;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public TicketPriority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public TicketSeverity? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public SupportTeam? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agent { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueSort Sort { get; set; } = QueueSort.Updated;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public QueuePage Results { get; private set; } = new([], null, 0, false);

    public IReadOnlyList<HelpTopicRow> Topics { get; private set; } = [];

    public IReadOnlyList<StaffMember> Agents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Now = _clock.GetUtcNow().UtcDateTime;
        Results = await _mediator.Send(new QueueQuery(Queue, me, Search, Topic, Priority, Severity, Team, Agent, Sort, After), cancellationToken);
        Topics = await _mediator.Send(new HelpTopicListQuery(ActiveOnly: false), cancellationToken);
        Agents = await _staff.ListAsync(cancellationToken);
    }

    /// <summary>The query string of this view with some values replaced (null removes).</summary>
    public string Link(Queue? queue = null, string? after = null, bool keepFilters = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["queue"] = (queue ?? Queue).ToString(),
            ["q"] = keepFilters ? Search : null,
            ["topic"] = keepFilters ? Topic?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["priority"] = keepFilters ? Priority?.ToString() : null,
            ["severity"] = keepFilters ? Severity?.ToString() : null,
            ["team"] = keepFilters ? Team?.ToString() : null,
            ["agent"] = keepFilters ? Agent : null,
            ["sort"] = keepFilters && Sort != QueueSort.Updated ? Sort.ToString() : null,
            ["after"] = after,
        };
        return "/Staff/Tickets" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
