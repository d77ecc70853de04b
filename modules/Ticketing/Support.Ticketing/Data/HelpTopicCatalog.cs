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
internal sealed class HelpTopicCatalog(TimeProvider clock) : SnapshotCache<IReadOnlyList<HelpTopicRow>>(clock, TimeSpan.MaxValue);
