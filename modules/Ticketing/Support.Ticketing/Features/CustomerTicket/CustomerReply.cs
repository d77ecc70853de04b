using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Kernel.Persistence;
using Support.Kernel.Storage;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;
using Support.Ticketing.Notifications;
using Support.Ticketing.Settings;

namespace Support.Ticketing.Features.CustomerTicket;

/// <summary>The customer's reply from the ticket view; it may reopen a closed ticket.</summary>
internal sealed record CustomerReplyCommand(long TicketId, string? Body, IReadOnlyList<UploadedFile> Files, Dictionary<string, string?> Fields) : IRequest<CustomerReplyResult>;

/// <summary>What the ticket view tells the customer after the reply.</summary>
internal sealed record CustomerReplyResult(bool Reopened, bool StillClosed);

internal sealed class CustomerReplyValidator : AbstractValidator<CustomerReplyCommand>
{
    public CustomerReplyValidator(IStringLocalizer<TicketingResource> t, IEnumerable<ITicketFieldContributor> contributors)
    {
        RuleFor(c => c.Body).RichTextBody(t);
        RuleFor(c => c.Files).Attachments(t).OverridePropertyName("Attachments");
        RuleFor(c => c.Fields).ContributedFields(t, contributors, TicketForm.PortalReply);
    }
}

internal sealed class CustomerReplyHandler : IRequestHandler<CustomerReplyCommand, CustomerReplyResult>
{
    private readonly TicketingDbContext _db;
    private readonly UnitOfWork _unitOfWork;
    private readonly IBlobStore _blobs;
    private readonly TicketMail _mail;
    private readonly TicketingSettings _settings;
    private readonly TicketEvents _events;
    private readonly IEnumerable<ITicketFieldContributor> _contributors;
    private readonly TimeProvider _clock;
    private readonly SlaClocks _sla;

    public CustomerReplyHandler(TicketingDbContext db, UnitOfWork unitOfWork, IBlobStore blobs, TicketMail mail, TicketingSettings settings, TicketEvents events, IEnumerable<ITicketFieldContributor> contributors, SlaClocks sla, TimeProvider clock)
    {
        _db = db;
        _unitOfWork = unitOfWork;
        _blobs = blobs;
        _mail = mail;
        _settings = settings;
        _events = events;
        _contributors = contributors;
        _clock = clock;
        _sla = sla;
    }

    public async Task<CustomerReplyResult> Handle(CustomerReplyCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var attachments = await ThreadAttachments.StoreAsync(_blobs, request.Files, cancellationToken);
        await _unitOfWork.BeginAsync(cancellationToken);
        var ticket = await _db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == request.TicketId, cancellationToken);
        var body = RichText.Sanitise(request.Body);
        var message = new ThreadEntry(ThreadEntryKind.CustomerMessage, ticket.CustomerName, null, body.Html, body.Text, now);
        message.Attach(attachments);

        var previousStatus = ticket.Status;
        var reopen = await _settings.ReopenOnCustomerReplyAsync(cancellationToken);
        var reopened = ticket.AddCustomerMessage(message, reopen, now);
        foreach (var (key, value) in ContributedFields.Normalise(_contributors, TicketForm.PortalReply, request.Fields))
        {
            ticket.CaptureField(key, value, now);
        }

        await _sla.UpdateAsync(ticket, now, cancellationToken);

        // Saved first so that the event can name the new thread entry.
        await _db.SaveChangesAsync(cancellationToken);
        await _events.CustomerRepliedAsync(ticket, message.Id, now, cancellationToken);
        if (ticket.Status != previousStatus)
        {
            await _events.StatusChangedAsync(ticket, previousStatus, byCustomer: true, now, cancellationToken);
        }

        await _mail.CustomerRepliedToStaffAsync(ticket, message, cancellationToken);
        return new CustomerReplyResult(reopened, ticket.Status == Contracts.TicketStatus.Closed);
    }
}
