using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Data;

namespace Support.Ticketing.Features.OpenTicket;

/// <summary>
/// Draws ticket numbers: six digits from a cryptographic source, so that nobody can guess a
/// neighbour's ticket from their own. When draws keep hitting numbers in use (the six-digit space is
/// filling up), numbers grow to seven digits rather than slowing down, and the host remembers it.
/// </summary>
/// <remarks>
/// The draw reads outside the write transaction; the unique index on the number settles the rare
/// race between two requests that drew the same free number (the loser draws again).
/// </remarks>
internal sealed class TicketNumbers
{
    private const int DrawsPerLength = 8;
    private const int MaximumDigits = 9;

    /// <summary>Compiled: a draw runs on every ticket opened, and a compiled query skips EF's translation cache look-up.</summary>
    private static readonly Func<TicketingDbContext, int, CancellationToken, Task<bool>> NumberInUse =
        EF.CompileAsyncQuery((TicketingDbContext db, int number, CancellationToken _) => db.Tickets.Any(t => t.Number == number));

    private readonly TicketingDbContext _db;
    private readonly TicketNumberLength _length;

    public TicketNumbers(TicketingDbContext db, TicketNumberLength length)
    {
        _db = db;
        _length = length;
    }

    public async Task<int> NextAsync(CancellationToken cancellationToken)
    {
        for (var digits = _length.Digits; digits <= MaximumDigits; digits++)
        {
            var low = (int)Math.Pow(10, digits - 1);
            for (var draw = 0; draw < DrawsPerLength; draw++)
            {
                var candidate = RandomNumberGenerator.GetInt32(low, low * 10);
                var taken = _db.Tickets.Local.Any(t => t.Number == candidate)
                    || await NumberInUse(_db, candidate, cancellationToken);
                if (!taken)
                {
                    return candidate;
                }
            }

            _length.GrowTo(digits + 1);
        }

        throw new InvalidOperationException("No free ticket number could be drawn.");
    }
}

/// <summary>How many digits new ticket numbers start with: six, until the host finds that space crowded.</summary>
internal sealed class TicketNumberLength
{
    public const int InitialDigits = 6;
    private int _digits = InitialDigits;

    public int Digits => Volatile.Read(ref _digits);

    public void GrowTo(int digits)
    {
        var current = Volatile.Read(ref _digits);
        while (digits > current)
        {
            var seen = Interlocked.CompareExchange(ref _digits, digits, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
