using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Kernel.Persistence;
using Support.Kernel.Storage;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;
using Support.Ticketing.Notifications;

namespace Support.Ticketing.Features.AgentConsole;

/// <summary>A member of staff acting on a ticket.</summary>
internal sealed record Agent(string Id, string Name);

/// <summary>
/// A public reply (emailed to the customer) or an internal note (staff only), optionally setting the
/// status in the same step ("reply and wait for the customer", "reply and close").
/// </summary>
internal sealed record AgentReplyCommand(int Number, Agent Agent, string? Body, bool InternalNote, TicketStatus? ThenStatus, IReadOnlyList<UploadedFile> Files) : IRequest<Unit>;

internal sealed class AgentReplyValidator : AbstractValidator<AgentReplyCommand>
{
    public AgentReplyValidator(IStringLocalizer<TicketingResource> t)
    {
        RuleFor(c => c.Body).RichTextBody(t);
        RuleFor(c => c.Files).Attachments(t).OverridePropertyName("Attachments");
        RuleFor(c => c.ThenStatus).IsInEnum();
    }
}

internal sealed class AgentReplyHandler : IRequestHandler<AgentReplyCommand, Unit>
{
    private readonly TicketingDbContext _db;
    private readonly UnitOfWork _unitOfWork;
    private readonly IBlobStore _blobs;
    private readonly TicketMail _mail;
    private readonly TicketEvents _events;
    private readonly TimeProvider _clock;
    private readonly SlaClocks _sla;

    public AgentReplyHandler(TicketingDbContext db, UnitOfWork unitOfWork, IBlobStore blobs, TicketMail mail, TicketEvents events, SlaClocks sla, TimeProvider clock)
    {
        _db = db;
        _unitOfWork = unitOfWork;
        _blobs = blobs;
        _mail = mail;
        _events = events;
        _clock = clock;
        _sla = sla;
    }

    public async Task<Unit> Handle(AgentReplyCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var attachments = await ThreadAttachments.StoreAsync(_blobs, request.Files, cancellationToken);
        await _unitOfWork.BeginAsync(cancellationToken);
        var ticket = await _db.Tickets.SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken)
            ?? throw new TicketNotFoundException(request.Number);
        var body = RichText.Sanitise(request.Body);
        var kind = request.InternalNote ? ThreadEntryKind.InternalNote : ThreadEntryKind.AgentReply;
        var entry = new ThreadEntry(kind, request.Agent.Name, request.Agent.Id, body.Html, body.Text, now);
        entry.Attach(attachments);
        var firstReply = ticket.AddAgentEntry(entry, now);
        var previousStatus = ticket.Status;
        if (request.ThenStatus is { } status)
        {
            ticket.ChangeStatus(status, request.Agent.Name, request.Agent.Id, now);
        }

        await _sla.UpdateAsync(ticket, now, cancellationToken);
        await _db.SaveChangesAsync(cancellationToken);
        if (!request.InternalNote)
        {
            await _events.AgentRepliedAsync(ticket, entry.Id, request.Agent.Id, firstReply, now, cancellationToken);
            var token = _mail.IssueAccessLink(ticket, now);
            if (ticket.Status == TicketStatus.Closed)
            {
                _mail.StaffRepliedAndClosed(ticket, entry, token);
            }
            else
            {
                _mail.StaffReplied(ticket, entry, token);
            }
        }

        if (ticket.Status != previousStatus)
        {
            await _events.StatusChangedAsync(ticket, previousStatus, byCustomer: false, now, cancellationToken);
            if (ticket.Status == TicketStatus.Closed && request.InternalNote)
            {
                _mail.TicketClosed(ticket, _mail.IssueAccessLink(ticket, now));
            }
        }

        return Unit.Value;
    }
}

/// <summary>No ticket has that number: the page answers 404.</summary>
internal sealed class TicketNotFoundException(int number) : Exception($"No ticket has the number {number}.");
