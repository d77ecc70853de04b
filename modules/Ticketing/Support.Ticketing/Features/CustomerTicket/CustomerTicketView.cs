using System.Globalization;
using MediatR;
using Support.Kernel.Contracts;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;

namespace Support.Ticketing.Features.CustomerTicket;

/// <summary>The ticket as its customer sees it through an access link.</summary>
internal sealed record CustomerTicketQuery(long TicketId) : IQuery<CustomerTicketView?>;

internal sealed record CustomerTicketView(
    long Id,
    string Number,
    TicketStatus Status,
    string? Department,
    DateTime CreatedAtUtc,
    bool CriticalSituation,
    TicketPriority Priority,
    string HelpTopic,
    string Name,
    string Email,
    string Phone,
    string Company,
    string Subject,
    IReadOnlyList<ThreadEntryView> Thread);

internal sealed class CustomerTicketQueryHandler : IRequestHandler<CustomerTicketQuery, CustomerTicketView?>
{
    private readonly TicketingDbContext _db;

    public CustomerTicketQueryHandler(TicketingDbContext db) => _db = db;

    public async Task<CustomerTicketView?> Handle(CustomerTicketQuery request, CancellationToken cancellationToken)
    {
        var ticket = await _db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TicketId, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var topic = await _db.HelpTopics.AsNoTracking().SingleAsync(h => h.Id == ticket.HelpTopicId, cancellationToken);
        var thread = await TicketThread.ReadAsync(_db, ticket.Id, includeInternalNotes: false, cancellationToken);
        return new CustomerTicketView(
            ticket.Id, ticket.DisplayNumber, ticket.Status, ticket.Department, ticket.CreatedAtUtc, ticket.CriticalSituation,
            ticket.Priority, topic.Name(CultureInfo.CurrentUICulture), ticket.CustomerName, ticket.CustomerEmail, ticket.CustomerPhone,
            ticket.CompanyName, ticket.Subject, thread);
    }
}
