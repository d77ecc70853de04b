using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Features.Intake;

/// <summary>Looks up whether a channel message was taken in before, and the number of the ticket it went to.</summary>
internal static class IntakeReceipts
{
    public static async Task<string?> TicketNumberAsync(TicketingDbContext db, string channel, string externalId, CancellationToken cancellationToken)
    {
        var number = await db.IntakeReceipts.AsNoTracking()
            .Where(r => r.Channel == channel && r.ExternalId == externalId)
            .Join(db.Tickets, r => r.TicketId, t => t.Id, (r, t) => (int?)t.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return number is null ? null : Ticket.Format(number.Value);
    }
}
