using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Escalation.Domain;
using Support.Escalation.Features.Contacts;

namespace Support.Escalation.Areas.Escalation.Pages.Staff.Admin;

/// <summary>The admin's page of the escalation chains (per region, in level order) and of the expert teams' addresses.</summary>
internal sealed class EscalationModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<EscalationContact> Contacts { get; private set; } = [];

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public Dictionary<ExpertTeam, string?> Teams { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (id is not null)
        {
            if (Contacts.FirstOrDefault(c => c.Id == id) is not { } contact)
            {
                return NotFound();
            }

            Contact = new ContactInput { Id = contact.Id, Region = contact.Region, Level = contact.Level, Role = contact.Role, Name = contact.Name, Phone = contact.Phone, Email = contact.Email, Hours = contact.Hours };
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SendAsync(new SaveContactCommand(Contact.Id, Contact.Region, Contact.Level, Contact.Role, Contact.Name, Contact.Phone, Contact.Email, Contact.Hours), "saved", keepTeams: true, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteContactCommand(id), cancellationToken);
        Notice = "deleted";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostTeamsAsync(CancellationToken cancellationToken) =>
        SendAsync(new SaveExpertTeamsCommand(Enum.GetValues<ExpertTeam>().ToDictionary(t => t, t => Teams.GetValueOrDefault(t))), "teams", keepTeams: false, cancellationToken);

    private async Task<IActionResult> SendAsync<TResult>(IRequest<TResult> command, string notice, bool keepTeams, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(command, cancellationToken);
            Notice = notice;
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            foreach (var failure in exception.Errors)
            {
                ModelState.AddModelError("", failure.ErrorMessage);
            }

            await LoadAsync(cancellationToken, keepTeams);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool loadTeams = true)
    {
        Contacts = await mediator.Send(new ContactChainsQuery(), cancellationToken);
        if (loadTeams)
        {
            Teams = (await mediator.Send(new ExpertTeamsQuery(), cancellationToken)).ToDictionary(t => t.Team, t => (string?)t.Email);
        }
    }

    /// <summary>The contact form.</summary>
    internal sealed class ContactInput
    {
        public long? Id { get; set; }

        public Region? Region { get; set; } = Domain.Region.Europe;

        public int? Level { get; set; }

        public ContactRole? Role { get; set; } = ContactRole.SupportDesk;

        public string? Name { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Hours { get; set; }
    }
}
