using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Data;

namespace Support.Ticketing.Features.OpenTicket;

/// <summary>
/// Draws ticket numbers: six digits from a cryptographic source, so that nobody can guess a
/// neighbour's ticket from their own. When draws keep hitting numbers in use (the six-digit space is
/// filling up), numbers grow to seven digits rather than slowing down.
/// </summary>
internal sealed class TicketNumbers
{
    private const int DrawsPerLength = 8;
    private readonly TicketingDbContext _db;

    public TicketNumbers(TicketingDbContext db) => _db = db;

    public async Task<int> NextAsync(CancellationToken cancellationToken)
    {
        for (var digits = 6; digits <= 9; digits++)
        {
            var low = (int)Math.Pow(10, digits - 1);
            for (var draw = 0; draw < DrawsPerLength; draw++)
            {
                var candidate = RandomNumberGenerator.GetInt32(low, low * 10);
                var taken = _db.Tickets.Local.Any(t => t.Number == candidate)
                    || await _db.Tickets.AnyAsync(t => t.Number == candidate, cancellationToken);
                if (!taken)
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("No free ticket number could be drawn.");
    }
}
