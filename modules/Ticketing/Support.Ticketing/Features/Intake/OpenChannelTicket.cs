using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Persistence;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.OpenTicket;

namespace Support.Ticketing.Features.Intake;

/// <summary>A channel plugin opens a ticket on a customer's behalf (<see cref="IIntakeService.OpenTicketAsync"/>).</summary>
/// <param name="Ticket">The ticket as the channel gives it.</param>
/// <param name="CriticalSituation">Opened as a critical situation (an agent logged a Critical call): severity Critical and its SLA from the start.</param>
internal sealed record OpenChannelTicketCommand(IntakeTicket Ticket, bool CriticalSituation = false) : IRequest<IntakeResult>;

/// <summary>What a channel must get right; everything else (a long subject, no name, no company) the host makes do with.</summary>
internal sealed class OpenChannelTicketValidator : AbstractValidator<OpenChannelTicketCommand>
{
    public OpenChannelTicketValidator(IStringLocalizer<TicketingResource> t, IEnumerable<ITicketFieldContributor> contributors)
    {
        RuleFor(c => (string?)c.Ticket.Channel).ChannelId().OverridePropertyName("Channel");
        RuleFor(c => (string?)c.Ticket.ExternalId).ExternalId().OverridePropertyName("ExternalId");
        RuleFor(c => (string?)c.Ticket.Email).CustomerEmail(t).OverridePropertyName("Email");
        RuleFor(c => c.Ticket.Phone).Phone(t).When(c => !string.IsNullOrWhiteSpace(c.Ticket.Phone));
        RuleFor(c => c.Ticket.BodyHtml).Must(v => v is null || v.Length <= TicketLimits.BodyHtml).WithMessage(t["The message is too long (images included, at most 3 MB)."]);
        RuleFor(c => c.Ticket.Fields).Custom((fields, context) =>
        {
            foreach (var (key, value) in fields ?? new Dictionary<string, string>())
            {
                var owner = ContributedFields.Owner(contributors, key);
                if (owner is null || value is null || value.Any(char.IsControl) || !owner.Validate(key, value).IsValid)
                {
                    context.AddFailure($"Fields[{key}]", $"The field {key} is unknown or its value is not valid.");
                }
            }
        });
    }
}

/// <summary>
/// Opens the ticket through the portal's own handler (customer matching, ticket number, sanitising,
/// attachments, the confirmation and staff emails, the integration event) and records the receipt in
/// the same transaction.
/// </summary>
internal sealed class OpenChannelTicketHandler : IRequestHandler<OpenChannelTicketCommand, IntakeResult>
{
    private readonly TicketingDbContext _db;
    private readonly UnitOfWork _unitOfWork;
    private readonly HelpTopicCatalog _helpTopics;
    private readonly IRequestHandler<OpenTicketCommand, OpenedTicket> _portal;
    private readonly IStringLocalizer<TicketingResource> _t;
    private readonly TimeProvider _clock;

    public OpenChannelTicketHandler(TicketingDbContext db, UnitOfWork unitOfWork, HelpTopicCatalog helpTopics, IRequestHandler<OpenTicketCommand, OpenedTicket> portal, IStringLocalizer<TicketingResource> t, TimeProvider clock)
    {
        _db = db;
        _unitOfWork = unitOfWork;
        _helpTopics = helpTopics;
        _portal = portal;
        _t = t;
        _clock = clock;
    }

    public async Task<IntakeResult> Handle(OpenChannelTicketCommand request, CancellationToken cancellationToken)
    {
        var intake = request.Ticket;
        if (await IntakeReceipts.TicketNumberAsync(_db, intake.Channel, intake.ExternalId, cancellationToken) is { } known)
        {
            return new IntakeResult(known, WasDuplicate: true);
        }

        var email = intake.Email.Trim();
        var language = ChannelContent.Language(intake.Language);
        var content = ChannelContent.From(intake.BodyHtml, intake.Attachments, language, _t);
        var contact = await _db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.NormalizedEmail == Contact.Normalize(email), cancellationToken);
        var contactCompany = contact is null ? null : await _db.Companies.AsNoTracking().Where(c => c.Id == contact.CompanyId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var form = new NewTicketForm
        {
            HelpTopicId = await HelpTopicAsync(cancellationToken),
            Company = FirstGiven(ChannelContent.OneLine(intake.Company, TicketLimits.Company), contactCompany, ChannelContent.OneLine(email[(email.LastIndexOf('@') + 1)..], TicketLimits.Company)),
            Department = contact?.Department,
            Email = email,
            Name = FirstGiven(ChannelContent.OneLine(intake.Name, TicketLimits.Name), contact?.Name, ChannelContent.OneLine(email, TicketLimits.Name)),
            Phone = FirstGiven(intake.Phone?.Trim(), contact?.Phone, ""),
            Subject = FirstGiven(ChannelContent.OneLine(intake.Subject, TicketLimits.Subject), ChannelContent.InLanguage(language, _t, t => t["(no subject)"])),
            Priority = TicketPriority.Normal,
            CriticalSituation = request.CriticalSituation,
            Detail = content.BodyHtml,
            Fields = (intake.Fields ?? new Dictionary<string, string>()).ToDictionary(f => f.Key, f => (string?)f.Value),
        };

        // Under the write lock, a second look settles two pollers of this host taking in the same message;
        // between hosts, the receipt's unique index does (IntakeService).
        await _unitOfWork.BeginAsync(cancellationToken);
        if (await IntakeReceipts.TicketNumberAsync(_db, intake.Channel, intake.ExternalId, cancellationToken) is { } taken)
        {
            return new IntakeResult(taken, WasDuplicate: true);
        }

        // The portal's handler, called directly: the portal form's validator (phone and company required, a
        // help topic chosen) does not apply to a channel, whose own checks ran above.
        var opened = await _portal.Handle(new OpenTicketCommand(form, content.Files, language, intake.Channel, TicketForm.None), cancellationToken);
        _db.IntakeReceipts.Add(new IntakeReceipt(intake.Channel, intake.ExternalId, opened.TicketId, _clock.GetUtcNow().UtcDateTime));
        return new IntakeResult(opened.Number, WasDuplicate: false, content.Refusals);
    }

    /// <summary>Channel tickets go to the "other" help topic, or the first active one if an admin deactivated it; agents reclassify.</summary>
    private async Task<long> HelpTopicAsync(CancellationToken cancellationToken)
    {
        var active = (await _helpTopics.AllAsync(_db, cancellationToken)).Where(h => h.Active).ToList();
        return (active.FirstOrDefault(h => h.Key == "other") ?? active.FirstOrDefault())?.Id
            ?? throw new IntakeRefusedException(IntakeRefusal.Invalid, "No help topic is active: a ticket cannot be opened.");
    }

    private static string FirstGiven(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
}
