using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Workflows.Data;

namespace Support.Workflows.Calendars;

/// <summary>
/// Finds business calendars by name: those stored in <c>workflows_business_calendars</c> (an admin's edit of a
/// built-in calendar is stored under its name and replaces it), then the built-in ones.
/// </summary>
internal interface IBusinessCalendars
{
    Task<BusinessCalendar?> FindAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken);
}

/// <summary>The calendars every installation has.</summary>
internal static class BuiltInCalendars
{
    public const string SupportHours = "Support hours";
    public const string AlwaysOpen = "24/7";

    /// <summary>Monday to Friday, 09:00 to 17:00, Paris time: the 8 business hours a day of the Normal severity target.</summary>
    public static BusinessCalendar Support { get; } = new(
        SupportHours,
        "Europe/Paris",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, TimeSpan.FromHours(9), TimeSpan.FromHours(17)))]);

    /// <summary>Every hour of every day (Critical and Serious targets).</summary>
    public static BusinessCalendar Always { get; } = new(
        AlwaysOpen,
        "Etc/UTC",
        [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeSpan.Zero, TimeSpan.FromHours(24)))]);

    public static IReadOnlyList<BusinessCalendar> All { get; } = [Support, Always];
}

/// <summary>A calendar as stored: its hours and holidays as JSON.</summary>
internal sealed class StoredCalendar
{
    public string TimeZone { get; set; } = "Europe/Paris";

    public List<StoredHours> Hours { get; set; } = [];

    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Yearly holidays as <c>MM-dd</c>, e.g. <c>12-25</c>.</summary>
    public List<string> YearlyHolidays { get; set; } = [];

    internal sealed record StoredHours(DayOfWeek Day, TimeSpan Start, TimeSpan End);

    public static StoredCalendar Parse(string json) => JsonSerializer.Deserialize<StoredCalendar>(json, JsonSerializerOptions.Web)!;

    public static StoredCalendar From(BusinessCalendar calendar) => new()
    {
        TimeZone = calendar.TimeZone.Id,
        Hours = [.. calendar.Hours.Select(h => new StoredHours(h.Day, h.Start, h.End))],
        Holidays = [.. calendar.Holidays.Order()],
        YearlyHolidays = [.. calendar.YearlyHolidays.OrderBy(y => y.Month).ThenBy(y => y.Day).Select(y => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{y.Month:D2}-{y.Day:D2}"))],
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public BusinessCalendar ToCalendar(string name) => new(
        name,
        TimeZone,
        [.. Hours.Select(h => new WorkingHours(h.Day, h.Start, h.End))],
        Holidays,
        [.. YearlyHolidays.Select(y => (int.Parse(y[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(y[3..], System.Globalization.CultureInfo.InvariantCulture)))]);
}

/// <summary>
/// The stored calendars as last read, by name: every SLA clock computation (each ticket opened or answered)
/// looks one up. Saving a calendar empties it; another host's change is seen within a minute.
/// </summary>
internal sealed class StoredCalendarCache(TimeProvider clock) : Kernel.Caching.SnapshotCache<IReadOnlyDictionary<string, BusinessCalendar>>(clock, TimeSpan.FromMinutes(1));

internal sealed class BusinessCalendars : IBusinessCalendars
{
    private readonly WorkflowsDbContext _db;
    private readonly StoredCalendarCache _cache;

    public BusinessCalendars(WorkflowsDbContext db, StoredCalendarCache cache)
    {
        _db = db;
        _cache = cache;
    }

    public async Task<BusinessCalendar?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await StoredAsync(cancellationToken)).GetValueOrDefault(name) ?? BuiltInCalendars.All.FirstOrDefault(c => c.Name == name);

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken)
    {
        var stored = (await StoredAsync(cancellationToken)).Keys.Order(StringComparer.Ordinal);
        return [.. BuiltInCalendars.All.Select(c => c.Name), .. stored.Where(n => BuiltInCalendars.All.All(c => c.Name != n))];
    }

    private Task<IReadOnlyDictionary<string, BusinessCalendar>> StoredAsync(CancellationToken cancellationToken) =>
        _cache.GetOrReadAsync(
            async ct => (await _db.BusinessCalendars.AsNoTracking().ToListAsync(ct))
                .ToDictionary(c => c.Name, c => StoredCalendar.Parse(c.Definition).ToCalendar(c.Name), StringComparer.Ordinal),
            cancellationToken);
}
