using MediatR;
using Microsoft.AspNetCore.Mvc;
using Support.Escalation.Features.AgentActions;
using Support.Escalation.Features.CustomerRequests;

namespace Support.Escalation.Areas.Escalation.Pages.Components;

/// <summary>The customer's escalation and reclassification requests, and their forms, on the ticket view.</summary>
public sealed class CustomerEscalationViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long ticketId, string number)
    {
        var view = await mediator.Send(new CustomerRequestsQuery(ticketId), HttpContext.RequestAborted);
        ViewData["Number"] = number;
        return View("/Areas/Escalation/Pages/Shared/Components/CustomerEscalation/Default.cshtml", view);
    }
}

/// <summary>The ticket's escalation level, hand-offs, escalations and reclassification requests on the agent's ticket page.</summary>
public sealed class StaffEscalationViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long ticketId, string number)
    {
        var view = await mediator.Send(new StaffEscalationQuery(ticketId), HttpContext.RequestAborted);
        ViewData["Number"] = number;
        return View("/Areas/Escalation/Pages/Shared/Components/StaffEscalation/Default.cshtml", view);
    }
}
