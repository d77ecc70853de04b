namespace Support.Workflows.Calendars;

/// <summary>Working hours on one day of the week, in the calendar's local time (end may be 24:00).</summary>
internal sealed record WorkingHours(DayOfWeek Day, TimeSpan Start, TimeSpan End);

/// <summary>
/// When support works: a time zone, weekly working hours and holidays (on a date, or every year on a day).
/// Business-time arithmetic counts only the real time elapsed inside working hours, across weekends,
/// holidays and daylight-saving changes.
/// </summary>
internal sealed class BusinessCalendar
{
    /// <summary>The search gives up after this many days without working time (a calendar with no hours at all).</summary>
    private const int MaxDays = 3 * 366;

    public BusinessCalendar(string name, string timeZoneId, IReadOnlyList<WorkingHours> hours, IReadOnlyList<DateOnly>? holidays = null, IReadOnlyList<(int Month, int Day)>? yearlyHolidays = null)
    {
        Name = name;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        Hours = hours;
        Holidays = (holidays ?? []).ToHashSet();
        YearlyHolidays = (yearlyHolidays ?? []).ToHashSet();
    }

    public string Name { get; }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<WorkingHours> Hours { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public IReadOnlySet<(int Month, int Day)> YearlyHolidays { get; }

    public bool IsHoliday(DateOnly date) => Holidays.Contains(date) || YearlyHolidays.Contains((date.Month, date.Day));

    /// <summary>The instant when <paramref name="duration"/> of working time has elapsed after <paramref name="startUtc"/>.</summary>
    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Ticks, nameof(duration));
        var cursor = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var remaining = duration;
        foreach (var (from, to) in WorkingPeriodsFrom(cursor))
        {
            var begin = from > cursor ? from : cursor;
            if (remaining == TimeSpan.Zero)
            {
                return begin;
            }

            var available = to - begin;
            if (available >= remaining)
            {
                return begin + remaining;
            }

            remaining -= available;
            cursor = to;
        }

        throw new InvalidOperationException($"The calendar \"{Name}\" has no working time in the next {MaxDays} days.");
    }

    /// <summary>
    /// When a clock started at <paramref name="startUtc"/> with <paramref name="target"/> of working time reaches
    /// its target, not counting the working time inside <paramref name="pauses"/> (an open pause has no end).
    /// Null when the target falls in an open pause: the clock is paused, its due time unknown until it resumes.
    /// </summary>
    public DateTime? DueTime(DateTime startUtc, TimeSpan target, IEnumerable<(DateTime From, DateTime? To)> pauses)
    {
        var cursor = startUtc;
        var remaining = target;
        foreach (var (from, to) in pauses.OrderBy(p => p.From))
        {
            if (to is { } end && end <= cursor)
            {
                continue;
            }

            var pauseStart = from > cursor ? from : cursor;
            var due = AddBusinessTime(cursor, remaining);
            if (due <= pauseStart)
            {
                return due;
            }

            remaining -= BusinessTimeBetween(cursor, pauseStart);
            if (to is null)
            {
                return null;
            }

            cursor = to.Value;
        }

        return AddBusinessTime(cursor, remaining);
    }

    /// <summary>The first working instant at or after <paramref name="utc"/>.</summary>
    public DateTime NextWorkingInstant(DateTime utc) => AddBusinessTime(utc, TimeSpan.Zero);

    /// <summary>The working time between two instants.</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var total = TimeSpan.Zero;
        foreach (var (from, to) in WorkingPeriodsFrom(fromUtc))
        {
            if (from >= toUtc)
            {
                break;
            }

            var begin = from > fromUtc ? from : fromUtc;
            var end = to < toUtc ? to : toUtc;
            total += end - begin;
        }

        return total;
    }

    /// <summary>Working periods as UTC instants, in order, from the local day containing <paramref name="utc"/>; ends that are already past are skipped.</summary>
    private IEnumerable<(DateTime From, DateTime To)> WorkingPeriodsFrom(DateTime utc)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone));
        for (var day = 0; day < MaxDays; day++)
        {
            var date = localDay.AddDays(day);
            if (IsHoliday(date))
            {
                continue;
            }

            foreach (var hours in Hours.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Start))
            {
                var from = ToUtc(date, hours.Start);
                var to = ToUtc(date, hours.End);
                if (to > utc && to > from)
                {
                    yield return (from, to);
                }
            }
        }
    }

    /// <summary>
    /// A local wall-clock time as a UTC instant: a time skipped by a spring-forward change means the instant
    /// the clocks jumped to; a time repeated in autumn means its first occurrence.
    /// </summary>
    private DateTime ToUtc(DateOnly date, TimeSpan timeOfDay)
    {
        var local = DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue).Add(timeOfDay), DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            var offsetBefore = TimeZone.GetUtcOffset(local.AddHours(-6));
            return DateTime.SpecifyKind(local - offsetBefore, DateTimeKind.Utc);
        }

        if (TimeZone.IsAmbiguousTime(local))
        {
            var offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }
}
