using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Workflows.Calendars;
using Support.Workflows.Contracts;
using Support.Workflows.Data;

namespace Support.Workflows.Features.Calendars;

/// <summary>Answers other modules' due-time questions (Ticketing's SLA clocks) with the named calendar.</summary>
internal sealed class ComputeDueTimesHandler(IBusinessCalendars calendars) : IRequestHandler<ComputeDueTimesQuery, DueTimes>
{
    public async Task<DueTimes> Handle(ComputeDueTimesQuery request, CancellationToken cancellationToken)
    {
        if (await calendars.FindAsync(request.Calendar, cancellationToken) is not { } calendar)
        {
            return DueTimes.UnknownCalendar(request.Clocks.Count);
        }

        var pauses = request.Pauses.Select(p => (p.FromUtc, p.ToUtc)).ToList();
        return new DueTimes(true, [.. request.Clocks.Select(c => calendar.DueTime(c.StartUtc, c.Target, pauses))]);
    }
}

internal sealed class BusinessCalendarNamesHandler(IBusinessCalendars calendars) : IRequestHandler<BusinessCalendarNamesQuery, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(BusinessCalendarNamesQuery request, CancellationToken cancellationToken) => calendars.NamesAsync(cancellationToken);
}

/// <summary>A calendar as the admin page edits it: hours per day as text (<c>09:00-12:00, 13:00-17:00</c>), holidays one per line.</summary>
internal sealed class CalendarForm
{
    /// <summary>The name of the calendar being edited; null for a new one.</summary>
    public string? Editing { get; set; }

    public string? Name { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>Working hours per day, Monday first.</summary>
    public List<string?> Hours { get; set; } = [.. Enumerable.Repeat<string?>(null, 7)];

    /// <summary>One holiday a line: <c>2026-12-24</c> (that date) or <c>12-25</c> (every year).</summary>
    public string? Holidays { get; set; }

    /// <summary>The days of the week in the form's order.</summary>
    public static IReadOnlyList<DayOfWeek> Days { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static CalendarForm From(BusinessCalendar calendar) => new()
    {
        Editing = calendar.Name,
        Name = calendar.Name,
        TimeZone = calendar.TimeZone.Id,
        Hours = [.. Days.Select(d => string.Join(", ", calendar.Hours.Where(h => h.Day == d).OrderBy(h => h.Start).Select(h => $"{CalendarText.Time(h.Start)}-{CalendarText.Time(h.End)}")))],
        Holidays = string.Join('\n', StoredCalendar.From(calendar).Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Concat(StoredCalendar.From(calendar).YearlyHolidays)),
    };
}

/// <summary>Reads the calendar form's text: periods of a day and holiday lines.</summary>
internal static class CalendarText
{
    public static string Time(TimeSpan time) => time == TimeSpan.FromHours(24) ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A day's periods, or null when the text is not <c>hh:mm-hh:mm</c> periods separated by commas, each ending after it starts and not overlapping.</summary>
    public static List<(TimeSpan Start, TimeSpan End)>? Periods(string? text)
    {
        var periods = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || ParseTime(bounds[0]) is not { } start || ParseTime(bounds[1]) is not { } end || end <= start)
            {
                return null;
            }

            periods.Add((start, end));
        }

        periods.Sort();
        return periods.Zip(periods.Skip(1)).Any(p => p.Second.Start < p.First.End) ? null : periods;
    }

    private static TimeSpan? ParseTime(string text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromHours(24);
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan() : null;
    }

    /// <summary>A holiday line: a date, or a month and day of every year; null when it is neither.</summary>
    public static (DateOnly? Date, (int Month, int Day)? Yearly)? Holiday(string line)
    {
        if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        // A leap year, so that 02-29 is a valid yearly holiday.
        return DateOnly.TryParseExact("2028-" + line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var yearly)
            ? (null, (yearly.Month, yearly.Day))
            : null;
    }

    public static IEnumerable<string> HolidayLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}

/// <summary>The calendars on the admin page: built-in (possibly edited) and stored.</summary>
internal sealed record CalendarRow(string Name, string TimeZone, TimeSpan WeeklyHours, int Holidays, bool BuiltIn, bool Edited);

internal sealed record CalendarListQuery : IRequest<IReadOnlyList<CalendarRow>>;

internal sealed class CalendarListHandler(IBusinessCalendars calendars, WorkflowsDbContext db) : IRequestHandler<CalendarListQuery, IReadOnlyList<CalendarRow>>
{
    public async Task<IReadOnlyList<CalendarRow>> Handle(CalendarListQuery request, CancellationToken cancellationToken)
    {
        var stored = await db.BusinessCalendars.AsNoTracking().Select(c => c.Name).ToListAsync(cancellationToken);
        var rows = new List<CalendarRow>();
        foreach (var name in await calendars.NamesAsync(cancellationToken))
        {
            var calendar = (await calendars.FindAsync(name, cancellationToken))!;
            var builtIn = BuiltInCalendars.All.Any(c => c.Name == name);
            rows.Add(new CalendarRow(
                name,
                calendar.TimeZone.Id,
                calendar.Hours.Aggregate(TimeSpan.Zero, (total, h) => total + (h.End - h.Start)),
                calendar.Holidays.Count + calendar.YearlyHolidays.Count,
                builtIn,
                builtIn && stored.Contains(name)));
        }

        return rows;
    }
}

internal sealed record CalendarFormQuery(string Name) : IRequest<CalendarForm?>;

internal sealed class CalendarFormHandler(IBusinessCalendars calendars) : IRequestHandler<CalendarFormQuery, CalendarForm?>
{
    public async Task<CalendarForm?> Handle(CalendarFormQuery request, CancellationToken cancellationToken) =>
        await calendars.FindAsync(request.Name, cancellationToken) is { } calendar ? CalendarForm.From(calendar) : null;
}

/// <summary>Saves a calendar: a new one, or an edit of a stored or built-in one (stored under the same name).</summary>
internal sealed record SaveCalendarCommand(CalendarForm Form) : IRequest<string>;

internal sealed class SaveCalendarValidator : AbstractValidator<SaveCalendarCommand>
{
    public SaveCalendarValidator(IStringLocalizer<WorkflowsResource> t, IBusinessCalendars calendars)
    {
        RuleFor(c => c.Form.Name).NotEmpty().WithMessage(t["The calendar needs a name."]).MaximumLength(100).WithMessage(t["The calendar's name is longer than 100 characters."]);
        RuleFor(c => c.Form)
            .MustAsync(async (form, ct) => form.Editing is not null || string.IsNullOrWhiteSpace(form.Name) || await calendars.FindAsync(form.Name.Trim(), ct) is null)
            .WithMessage(t["A calendar with this name already exists."]);
        RuleFor(c => c.Form)
            .MustAsync(async (form, ct) => form.Editing is null || await calendars.FindAsync(form.Editing, ct) is not null)
            .WithMessage(t["This calendar no longer exists."]);
        RuleFor(c => c.Form.TimeZone)
            .Must(CalendarText.IsTimeZone)
            .WithMessage(c => t["Unknown time zone \"{0}\": use a name such as Europe/Paris.", c.Form.TimeZone ?? ""]);
        RuleFor(c => c.Form).Custom((form, context) =>
        {
            for (var i = 0; i < CalendarForm.Days.Count; i++)
            {
                if (CalendarText.Periods(form.Hours.ElementAtOrDefault(i)) is null)
                {
                    var day = CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(CalendarForm.Days[i]);
                    context.AddFailure($"Hours[{i}]", t["{0}: write the working hours as 09:00-17:00, several periods separated by commas, each ending after it starts.", day]);
                }
            }

            if (form.Hours.All(h => CalendarText.Periods(h) is { Count: 0 }))
            {
                context.AddFailure("Hours", t["The calendar has no working hours."]);
            }

            foreach (var line in CalendarText.HolidayLines(form.Holidays).Where(l => CalendarText.Holiday(l) is null))
            {
                context.AddFailure("Holidays", t["Holiday \"{0}\": write a date as 2026-12-24, or a day of every year as 12-25.", line]);
            }
        });
    }
}

internal sealed class SaveCalendarHandler(WorkflowsDbContext db) : IRequestHandler<SaveCalendarCommand, string>
{
    public async Task<string> Handle(SaveCalendarCommand request, CancellationToken cancellationToken)
    {
        var form = request.Form;
        var name = form.Editing ?? form.Name!.Trim();
        var holidays = CalendarText.HolidayLines(form.Holidays).Select(l => CalendarText.Holiday(l)!.Value).ToList();
        var stored = new StoredCalendar
        {
            TimeZone = form.TimeZone!.Trim(),
            Hours = [.. CalendarForm.Days.SelectMany((day, i) => CalendarText.Periods(form.Hours.ElementAtOrDefault(i))!.Select(p => new StoredCalendar.StoredHours(day, p.Start, p.End)))],
            Holidays = [.. holidays.Where(h => h.Date is not null).Select(h => h.Date!.Value).Distinct().Order()],
            YearlyHolidays = [.. holidays.Where(h => h.Yearly is not null).Select(h => h.Yearly!.Value).Distinct().OrderBy(y => y.Month).ThenBy(y => y.Day)
                .Select(y => string.Create(CultureInfo.InvariantCulture, $"{y.Month:D2}-{y.Day:D2}"))],
        };
        var record = await db.BusinessCalendars.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (record is null)
        {
            record = new BusinessCalendarRecord { Name = name };
            db.BusinessCalendars.Add(record);
        }

        record.Definition = stored.ToJson();
        return name;
    }
}
