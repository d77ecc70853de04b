using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Kernel.Persistence;
using Support.Kernel.Staff;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.AgentConsole;
using Support.Ticketing.Features.TimeAccounting;
using Support.Ticketing.Notifications;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Features.Intake;

/// <summary>An agent logs a contact (a phone call...) through a plugin (<see cref="IAgentWorkService.LogContactAsync"/>).</summary>
internal sealed record LogAgentContactCommand(LoggedContact Contact) : IRequest<LoggedContactResult>;

internal sealed class LogAgentContactValidator : AbstractValidator<LogAgentContactCommand>
{
    public LogAgentContactValidator(IStringLocalizer<TicketingResource> t)
    {
        RuleFor(c => (string?)c.Contact.Channel).ChannelId().OverridePropertyName("Channel");
        RuleFor(c => (string?)c.Contact.ExternalId).ExternalId().OverridePropertyName("ExternalId");
        RuleFor(c => c.Contact.AgentId).NotEmpty().WithMessage("The agent's staff id is required.").OverridePropertyName("AgentId");
        RuleFor(c => c.Contact.Minutes).InclusiveBetween(1, 24 * 60).WithMessage(t["Enter the time spent in minutes, from 1 to 1440."]).OverridePropertyName("Minutes");
        RuleFor(c => c.Contact.TimeNote).SingleLine(t, t["Note"], 1000, required: false).OverridePropertyName("TimeNote");
        RuleFor(c => c.Contact.NoteHtml).RichTextBody(t).OverridePropertyName("NoteHtml");
        RuleFor(c => c.Contact.Severity).IsInEnum().When(c => c.Contact.Severity is not null).WithMessage(t["Choose a severity from the list."]).OverridePropertyName("Severity");
        RuleFor(c => c.Contact.Phone).Phone(t).When(c => !string.IsNullOrWhiteSpace(c.Contact.Phone)).OverridePropertyName("Phone");
        RuleFor(c => c.Contact.Name).SingleLine(t, t["Last and first name"], TicketLimits.Name, required: false).OverridePropertyName("Name");
        RuleFor(c => c.Contact.Company).SingleLine(t, t["Company"], TicketLimits.Company, required: false).OverridePropertyName("Company");
        When(c => string.IsNullOrWhiteSpace(c.Contact.TicketNumber), () =>
        {
            RuleFor(c => c.Contact.Email).CustomerEmail(t).OverridePropertyName("Email");
            RuleFor(c => c.Contact.Subject).SingleLine(t, t["Subject"], TicketLimits.Subject, required: true).OverridePropertyName("Subject");
        });
    }
}

/// <summary>
/// Opens the ticket through the channel path (the portal's handler: matching, number, emails, events) or adds an
/// internal note to the ticket named, then sets the severity the agent chose (the SLA clocks follow it) and records
/// the duration as the agent's time through the time-accounting handler, all in one transaction with the receipt.
/// </summary>
internal sealed class LogAgentContactHandler : IRequestHandler<LogAgentContactCommand, LoggedContactResult>
{
    private readonly TicketingDbContext _db;
    private readonly UnitOfWork _unitOfWork;
    private readonly IStaffDirectory _staff;
    private readonly IRequestHandler<OpenChannelTicketCommand, IntakeResult> _open;
    private readonly IRequestHandler<RecordTimeCommand, Unit> _recordTime;
    private readonly TicketEvents _events;
    private readonly SlaClocks _sla;
    private readonly IStringLocalizer<TicketingResource> _t;
    private readonly TimeProvider _clock;

    public LogAgentContactHandler(
        TicketingDbContext db,
        UnitOfWork unitOfWork,
        IStaffDirectory staff,
        IRequestHandler<OpenChannelTicketCommand, IntakeResult> open,
        IRequestHandler<RecordTimeCommand, Unit> recordTime,
        TicketEvents events,
        SlaClocks sla,
        IStringLocalizer<TicketingResource> t,
        TimeProvider clock)
    {
        _db = db;
        _unitOfWork = unitOfWork;
        _staff = staff;
        _open = open;
        _recordTime = recordTime;
        _events = events;
        _sla = sla;
        _t = t;
        _clock = clock;
    }

    public async Task<LoggedContactResult> Handle(LogAgentContactCommand request, CancellationToken cancellationToken)
    {
        var contact = request.Contact;
        if (await IntakeReceipts.TicketNumberAsync(_db, contact.Channel, contact.ExternalId, cancellationToken) is { } known)
        {
            return new LoggedContactResult(known, OpenedTicket: false, WasDuplicate: true);
        }

        var member = await _staff.FindAsync(contact.AgentId, cancellationToken)
            ?? throw new IntakeRefusedException(IntakeRefusal.Invalid, $"No member of staff has the id {contact.AgentId}.");
        var agent = new Agent(member.Id, string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email : member.DisplayName);
        var now = _clock.GetUtcNow().UtcDateTime;
        int number;
        bool opened;
        if (string.IsNullOrWhiteSpace(contact.TicketNumber))
        {
            var ticket = new IntakeTicket(
                contact.Channel, contact.Email!, contact.Name ?? "", contact.Company, contact.Phone, contact.Subject!, contact.NoteHtml, contact.ExternalId,
                new Dictionary<string, string>(), Language: contact.Language);
            var result = await _open.Handle(new OpenChannelTicketCommand(ticket, CriticalSituation: contact.Severity == TicketSeverityLevel.Critical), cancellationToken);
            if (result.WasDuplicate)
            {
                return new LoggedContactResult(result.TicketNumber, OpenedTicket: false, WasDuplicate: true);
            }

            number = int.Parse(result.TicketNumber, CultureInfo.InvariantCulture);
            opened = true;
        }
        else
        {
            var digits = contact.TicketNumber.Trim().TrimStart('#');
            number = digits.Length is >= 6 and <= 9 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : 0;
            await _unitOfWork.BeginAsync(cancellationToken);
            if (await IntakeReceipts.TicketNumberAsync(_db, contact.Channel, contact.ExternalId, cancellationToken) is { } taken)
            {
                return new LoggedContactResult(taken, OpenedTicket: false, WasDuplicate: true);
            }

            var existing = await _db.Tickets.SingleOrDefaultAsync(t => t.Number == number, cancellationToken)
                ?? throw new IntakeRefusedException(IntakeRefusal.UnknownTicket, _t["No ticket has the number {0}.", contact.TicketNumber.Trim()]);
            var body = RichText.Sanitise(contact.NoteHtml);
            existing.AddAgentEntry(new ThreadEntry(ThreadEntryKind.InternalNote, agent.Name, agent.Id, body.Html, body.Text, now), now);
            _db.IntakeReceipts.Add(new IntakeReceipt(contact.Channel, contact.ExternalId, existing.Id, now));
            opened = false;
        }

        var logged = await _db.Tickets.SingleAsync(t => t.Number == number, cancellationToken);
        if (contact.Severity is { } level)
        {
            var previous = logged.Severity;
            var severity = level switch
            {
                TicketSeverityLevel.Critical => TicketSeverity.Critical,
                TicketSeverityLevel.Serious => TicketSeverity.Serious,
                _ => TicketSeverity.Normal,
            };
            if (logged.ChangeSeverity(severity, agent.Name, agent.Id, now) && logged.Severity != previous)
            {
                await _events.SeverityChangedAsync(logged, previous, now, cancellationToken);
            }

            await _sla.UpdateAsync(logged, now, cancellationToken);
        }

        await _recordTime.Handle(new RecordTimeCommand(number, agent, contact.Minutes, contact.TimeNote, null, DateOnly.FromDateTime(contact.StartedAtUtc)), cancellationToken);
        return new LoggedContactResult(Ticket.Format(number), opened, WasDuplicate: false);
    }
}

/// <summary>
/// The host's door for work agents log through plugins. A singleton like <see cref="IntakeService"/>: each call
/// runs in a scope of its own; validation failures become <see cref="IntakeRefusedException"/>.
/// </summary>
internal sealed class AgentWorkService : IAgentWorkService
{
    private readonly IServiceScopeFactory _scopes;

    public AgentWorkService(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task<LoggedContactResult> LogContactAsync(LoggedContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogAgentContactCommand(contact), cancellationToken);
        }
        catch (ValidationException invalid)
        {
            throw new IntakeRefusedException(IntakeRefusal.Invalid, string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct()));
        }
        catch (DbUpdateException exception) when (SqliteErrors.IsUniqueViolation(exception))
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            return await IntakeReceipts.TicketNumberAsync(db, contact.Channel, contact.ExternalId, cancellationToken) is { } number
                ? new LoggedContactResult(number, OpenedTicket: false, WasDuplicate: true)
                : throw new InvalidOperationException("The contact could not be saved: " + exception.Message, exception);
        }
    }
}
