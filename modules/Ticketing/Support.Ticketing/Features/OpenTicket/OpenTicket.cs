using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Kernel.Storage;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Customers;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;
using Support.Ticketing.Notifications;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

namespace Support.Ticketing.Features.OpenTicket;

/// <summary>The "Open a new ticket" form as submitted.</summary>
internal sealed class NewTicketForm
{
    public long? HelpTopicId { get; set; }

    public string? Company { get; set; }

    public string? Department { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public bool CriticalSituation { get; set; }

    public string? Subject { get; set; }

    public TicketPriority Priority { get; set; } = TicketPriority.Normal;

    public string? Detail { get; set; }

    /// <summary>Values of the fields channel plugins contribute, by field key.</summary>
    public Dictionary<string, string?> Fields { get; set; } = [];
}

/// <summary>Opens a ticket for a customer without an account.</summary>
/// <param name="Form">The form as submitted.</param>
/// <param name="Files">The attached files.</param>
/// <param name="Language">The customer's language (<c>fr</c> or <c>en</c>).</param>
/// <param name="Channel"><c>web</c>, or the id of the channel plugin that opens it.</param>
/// <param name="FieldsOf">The form whose contributed fields are stored; a channel's ticket (<see cref="TicketForm.None"/>) stores any plugin's.</param>
internal sealed record OpenTicketCommand(NewTicketForm Form, IReadOnlyList<UploadedFile> Files, string Language, string Channel = "web", TicketForm FieldsOf = TicketForm.PortalNewTicket) : IRequest<OpenedTicket>;

/// <summary>What the confirmation page shows.</summary>
internal sealed record OpenedTicket(long TicketId, string Number, string CustomerName);

internal sealed class OpenTicketValidator : AbstractValidator<OpenTicketCommand>
{
    public OpenTicketValidator(IStringLocalizer<TicketingResource> t, TicketingDbContext db, HelpTopicCatalog helpTopics, IEnumerable<ITicketFieldContributor> contributors)
    {
        RuleFor(c => c.Form.HelpTopicId)
            .NotNull().WithMessage(t["Choose a help topic."])
            .MustAsync(async (id, ct) => id is null || (await helpTopics.AllAsync(db, ct)).Any(h => h.Id == id && h.Active))
            .WithMessage(t["Choose a help topic from the list."])
            .OverridePropertyName(nameof(NewTicketForm.HelpTopicId));
        RuleFor(c => c.Form.Company).SingleLine(t, t["Company"], TicketLimits.Company, required: true).OverridePropertyName(nameof(NewTicketForm.Company));
        RuleFor(c => c.Form.Department).SingleLine(t, t["Department"], TicketLimits.Department, required: false).OverridePropertyName(nameof(NewTicketForm.Department));
        RuleFor(c => c.Form.Email).CustomerEmail(t).OverridePropertyName(nameof(NewTicketForm.Email));
        RuleFor(c => c.Form.Name).SingleLine(t, t["Last and first name"], TicketLimits.Name, required: true).OverridePropertyName(nameof(NewTicketForm.Name));
        RuleFor(c => c.Form.Phone).Phone(t).OverridePropertyName(nameof(NewTicketForm.Phone));
        RuleFor(c => c.Form.Subject).SingleLine(t, t["Subject"], TicketLimits.Subject, required: true).OverridePropertyName(nameof(NewTicketForm.Subject));
        RuleFor(c => c.Form.Priority).IsInEnum().WithMessage(t["Choose a priority level from the list."]).OverridePropertyName(nameof(NewTicketForm.Priority));
        RuleFor(c => c.Form.Detail).RichTextBody(t).OverridePropertyName(nameof(NewTicketForm.Detail));
        RuleFor(c => c.Files).Attachments(t).OverridePropertyName("Attachments");
        RuleFor(c => c.Form.Fields).ContributedFields(t, contributors, TicketForm.PortalNewTicket).OverridePropertyName(nameof(NewTicketForm.Fields));
    }
}

internal sealed class OpenTicketHandler : IRequestHandler<OpenTicketCommand, OpenedTicket>
{
    private const int MaxAttempts = 3;
    private readonly TicketingDbContext _db;
    private readonly UnitOfWork _unitOfWork;
    private readonly CustomerDirectory _customers;
    private readonly TicketNumbers _numbers;
    private readonly IBlobStore _blobs;
    private readonly TicketMail _mail;
    private readonly TicketEvents _events;
    private readonly IEnumerable<ITicketFieldContributor> _contributors;
    private readonly TimeProvider _clock;
    private readonly SlaClocks _sla;

    public OpenTicketHandler(TicketingDbContext db, UnitOfWork unitOfWork, CustomerDirectory customers, TicketNumbers numbers, IBlobStore blobs, TicketMail mail, TicketEvents events, IEnumerable<ITicketFieldContributor> contributors, SlaClocks sla, TimeProvider clock)
    {
        _db = db;
        _unitOfWork = unitOfWork;
        _customers = customers;
        _numbers = numbers;
        _blobs = blobs;
        _mail = mail;
        _events = events;
        _contributors = contributors;
        _clock = clock;
        _sla = sla;
    }

    public async Task<OpenedTicket> Handle(OpenTicketCommand request, CancellationToken cancellationToken)
    {
        var body = RichText.Sanitise(request.Form.Detail);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OpenAsync(request, body, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && SqliteErrors.IsUniqueViolation(exception))
            {
                // Another request took the drawn number between this one's draw and its insert: forget
                // everything and start again.
                await _unitOfWork.DiscardAsync();
            }
        }
    }

    /// <summary>
    /// Reads first (customer, number, staff to tell, the events' look-ups), then writes in one short
    /// transaction: writers queue for SQLite's single write lock, so nothing that can be read before
    /// is read while holding it.
    /// </summary>
    private async Task<OpenedTicket> OpenAsync(OpenTicketCommand request, SanitisedText body, CancellationToken cancellationToken)
    {
        var attachments = await ThreadAttachments.StoreAsync(_blobs, request.Files, cancellationToken);
        var form = request.Form;
        var now = _clock.GetUtcNow().UtcDateTime;
        var companyName = form.Company!.Trim();
        var email = form.Email!.Trim();
        var name = form.Name!.Trim();
        var phone = form.Phone!.Trim();
        var department = string.IsNullOrWhiteSpace(form.Department) ? null : form.Department.Trim();
        var customer = await _customers.FindAsync(companyName, email, cancellationToken);
        var number = await _numbers.NextAsync(cancellationToken);
        var staff = await _mail.NewTicketRecipientsAsync(Ticket.InitialTeam, form.CriticalSituation, now, cancellationToken);
        await _events.PrepareAsync(form.HelpTopicId!.Value, cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var sla = await _sla.PlanOpeningAsync(form.CriticalSituation, form.HelpTopicId!.Value, customer.Company?.ContractInForce(today) ?? false, now, cancellationToken);

        await _unitOfWork.BeginAsync(cancellationToken);
        var (contact, company) = await _customers.ResolveAsync(customer, companyName, email, name, phone, department, now, cancellationToken);
        var message = new ThreadEntry(ThreadEntryKind.CustomerMessage, name, null, body.Html, body.Text, now);
        message.Attach(attachments);
        var ticket = Ticket.Open(
            number,
            new NewTicket(form.HelpTopicId!.Value, department, email, name, phone, form.CriticalSituation, form.Subject!.Trim(), form.Priority, request.Channel, request.Language, ContributedFields.Normalise(_contributors, request.FieldsOf, form.Fields)),
            contact,
            company,
            message,
            now);
        _db.Tickets.Add(ticket);
        _customers.ReferTo(ticket, contact);
        await _sla.StartAsync(ticket, sla, company.ContractInForce(today), now, cancellationToken);

        var token = _mail.IssueAccessLink(ticket, now);
        await _db.SaveChangesAsync(cancellationToken);

        _mail.TicketOpened(ticket, token);
        _mail.NewTicketToStaff(ticket, message, staff);
        await _events.OpenedAsync(ticket, company, now, cancellationToken);
        return new OpenedTicket(ticket.Id, ticket.DisplayNumber, ticket.CustomerName);
    }
}
