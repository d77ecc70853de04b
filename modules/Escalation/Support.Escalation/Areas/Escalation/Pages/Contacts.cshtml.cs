using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Escalation.Domain;
using Support.Escalation.Features.Contacts;

namespace Support.Escalation.Areas.Escalation.Pages;

/// <summary>The public page of the escalation chains: per region, the contacts in the order they are called.</summary>
internal sealed class ContactsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<IGrouping<Region, EscalationContact>> Chains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Chains = [.. (await mediator.Send(new ContactChainsQuery(), cancellationToken)).GroupBy(c => c.Region)];
}
