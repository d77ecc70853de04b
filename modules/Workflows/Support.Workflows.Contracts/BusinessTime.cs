using Support.Kernel.Contracts;

namespace Support.Workflows.Contracts;

/// <summary>A span during which a clock does not run (a ticket awaiting its customer); an open span has no end.</summary>
/// <param name="FromUtc">When the clock stopped.</param>
/// <param name="ToUtc">When it ran again, or null while it is still stopped.</param>
public sealed record ClockPause(DateTime FromUtc, DateTime? ToUtc);

/// <summary>A clock to time: it started at <paramref name="StartUtc"/> and must reach <paramref name="Target"/> of working time.</summary>
/// <param name="StartUtc">When the clock started.</param>
/// <param name="Target">The working time allowed.</param>
public sealed record ClockTarget(DateTime StartUtc, TimeSpan Target);

/// <summary>
/// Computes due times in a business calendar: for each clock, the instant its target of working time is reached,
/// not counting the working time inside the pauses; null for a clock whose target falls in an open pause.
/// Answers <see cref="DueTimes.UnknownCalendar"/> when no calendar has that name.
/// </summary>
/// <param name="Calendar">The calendar's name, e.g. <c>Support hours</c> or <c>24/7</c>.</param>
/// <param name="Clocks">The clocks to time.</param>
/// <param name="Pauses">The pauses, shared by every clock (a pause before a clock's start does not count for it).</param>
public sealed record ComputeDueTimesQuery(string Calendar, IReadOnlyList<ClockTarget> Clocks, IReadOnlyList<ClockPause> Pauses) : IQuery<DueTimes>;

/// <summary>The due times of <see cref="ComputeDueTimesQuery"/>, in the order of its clocks.</summary>
/// <param name="CalendarFound">Whether the calendar exists; when not, every due time is null.</param>
/// <param name="Due">A due time per clock (null: paused).</param>
public sealed record DueTimes(bool CalendarFound, IReadOnlyList<DateTime?> Due)
{
    /// <summary>The answer for a calendar name nobody defined.</summary>
    public static DueTimes UnknownCalendar(int clocks) => new(false, [.. Enumerable.Repeat<DateTime?>(null, clocks)]);
}

/// <summary>The names of the business calendars (built-in and stored), for forms that choose one.</summary>
public sealed record BusinessCalendarNamesQuery : IQuery<IReadOnlyList<string>>;

/// <summary>
/// Installs a workflow a module ships (Elsa-shaped JSON) and publishes it, unless a definition with its
/// <c>definitionId</c> exists already: an admin's edits and retractions are kept. Answers whether it installed.
/// </summary>
/// <param name="Json">The definition, as an export would write it.</param>
public sealed record InstallWorkflowCommand(string Json) : MediatR.IRequest<bool>;
