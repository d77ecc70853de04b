using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Persistence;
using Support.Plugins.Abstractions;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.CustomerTicket;

namespace Support.Ticketing.Features.Intake;

/// <summary>A channel plugin adds the customer's message to a ticket's thread (<see cref="IIntakeService.AppendMessageAsync"/>).</summary>
internal sealed record AppendChannelMessageCommand(IntakeMessage Message) : IRequest<IntakeResult>;

internal sealed class AppendChannelMessageValidator : AbstractValidator<AppendChannelMessageCommand>
{
    public AppendChannelMessageValidator(IStringLocalizer<TicketingResource> t)
    {
        RuleFor(c => (string?)c.Message.Channel).ChannelId().OverridePropertyName("Channel");
        RuleFor(c => (string?)c.Message.ExternalId).ExternalId().OverridePropertyName("ExternalId");
        RuleFor(c => c.Message.BodyHtml).Must(v => v is null || v.Length <= TicketLimits.BodyHtml).WithMessage(t["The message is too long (images included, at most 3 MB)."]);
    }
}

/// <summary>
/// Adds the message through the customer-reply handler (sanitising, attachments, reopening, the staff
/// email, the events), only when the sender is the ticket's customer, and records the receipt with it.
/// </summary>
internal sealed class AppendChannelMessageHandler : IRequestHandler<AppendChannelMessageCommand, IntakeResult>
{
    private readonly TicketingDbContext _db;
    private readonly UnitOfWork _unitOfWork;
    private readonly IRequestHandler<CustomerReplyCommand, CustomerReplyResult> _reply;
    private readonly IStringLocalizer<TicketingResource> _t;
    private readonly TimeProvider _clock;

    public AppendChannelMessageHandler(TicketingDbContext db, UnitOfWork unitOfWork, IRequestHandler<CustomerReplyCommand, CustomerReplyResult> reply, IStringLocalizer<TicketingResource> t, TimeProvider clock)
    {
        _db = db;
        _unitOfWork = unitOfWork;
        _reply = reply;
        _t = t;
        _clock = clock;
    }

    public async Task<IntakeResult> Handle(AppendChannelMessageCommand request, CancellationToken cancellationToken)
    {
        var message = request.Message;
        if (await IntakeReceipts.TicketNumberAsync(_db, message.Channel, message.ExternalId, cancellationToken) is { } known)
        {
            return new IntakeResult(known, WasDuplicate: true);
        }

        var digits = (message.TicketNumber ?? "").Trim().TrimStart('#');
        var number = digits.Length is >= 6 and <= 9 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : 0;
        var ticket = await _db.Tickets.AsNoTracking()
            .Where(t => t.Number == number)
            .Select(t => new { t.Id, t.Number, t.NormalizedCustomerEmail, t.Language })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new IntakeRefusedException(IntakeRefusal.UnknownTicket, $"No ticket has the number {message.TicketNumber}.");
        if (Contact.Normalize(message.FromEmail ?? "") != ticket.NormalizedCustomerEmail)
        {
            throw new IntakeRefusedException(IntakeRefusal.NotTheCustomer, $"{message.FromEmail} is not the customer of ticket {Ticket.Format(ticket.Number)}.");
        }

        var content = ChannelContent.From(message.BodyHtml, message.Attachments, ticket.Language, _t);
        await _unitOfWork.BeginAsync(cancellationToken);
        if (await IntakeReceipts.TicketNumberAsync(_db, message.Channel, message.ExternalId, cancellationToken) is { } taken)
        {
            return new IntakeResult(taken, WasDuplicate: true);
        }

        // The customer-reply handler, called directly: its validator would refuse the whole message for
        // one refused file, which a channel cannot ask the sender to fix (ChannelContent).
        await _reply.Handle(new CustomerReplyCommand(ticket.Id, content.BodyHtml, content.Files, []), cancellationToken);
        _db.IntakeReceipts.Add(new IntakeReceipt(message.Channel, message.ExternalId, ticket.Id, _clock.GetUtcNow().UtcDateTime));
        return new IntakeResult(Ticket.Format(ticket.Number), WasDuplicate: false, content.Refusals);
    }
}
