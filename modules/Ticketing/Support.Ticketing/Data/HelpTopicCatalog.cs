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
internal sealed class HelpTopicCatalog
{
    private readonly Lock _lock = new();
    private IReadOnlyList<HelpTopicRow>? _topics;
    private long _version;

    /// <summary>The cached topics; otherwise false, with the version to hand back to <see cref="Set"/>.</summary>
    public bool TryGet(out IReadOnlyList<HelpTopicRow> topics, out long version)
    {
        lock (_lock)
        {
            version = _version;
            topics = _topics ?? [];
            return _topics is not null;
        }
    }

    /// <summary>Keeps topics read at <paramref name="version"/>, unless they changed while they were being read.</summary>
    public void Set(IReadOnlyList<HelpTopicRow> topics, long version)
    {
        lock (_lock)
        {
            if (version == _version)
            {
                _topics = topics;
            }
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _version++;
            _topics = null;
        }
    }
}
