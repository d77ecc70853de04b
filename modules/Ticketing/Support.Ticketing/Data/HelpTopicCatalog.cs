using Microsoft.EntityFrameworkCore;
using Support.Kernel.Caching;

namespace Support.Ticketing.Data;

/// <summary>A help topic as the portal form, the queues and the admin page list it.</summary>
internal sealed record HelpTopicRow(long Id, string Key, string NameFr, string NameEn, int SortOrder, bool Active)
{
    public string Name(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? NameEn : NameFr;
}

/// <summary>
/// The help topics as last read: the portal form and every queue page list them, admins rarely
/// change them. A saved change empties it (<see cref="TicketingDbContext"/>).
/// </summary>
internal sealed class HelpTopicCatalog(TimeProvider clock) : SnapshotCache<IReadOnlyList<HelpTopicRow>>(clock, TimeSpan.MaxValue)
{
    /// <summary>Every help topic, active or not, in the portal's order.</summary>
    public Task<IReadOnlyList<HelpTopicRow>> AllAsync(TicketingDbContext db, CancellationToken cancellationToken) =>
        GetOrReadAsync(
            async ct => await db.HelpTopics.AsNoTracking()
                .OrderBy(h => h.SortOrder).ThenBy(h => h.Id)
                .Select(h => new HelpTopicRow(h.Id, h.Key, h.NameFr, h.NameEn, h.SortOrder, h.Active))
                .ToListAsync(ct),
            cancellationToken);
}
