using Support.Workflows.Calendars;

namespace Support.Workflows.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTime ParisTime(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Paris);

    private static DateTime InParis(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Paris);

    [Fact]
    public void Four_business_hours_from_Friday_afternoon_end_on_Monday_at_noon()
    {
        var due = BuiltInCalendars.Support.AddBusinessTime(ParisTime(2026, 11, 20, 15), TimeSpan.FromHours(4));
        Assert.Equal(new DateTime(2026, 11, 23, 11, 0, 0), InParis(due));
    }

    [Fact]
    public void Time_counted_outside_working_hours_starts_at_the_next_opening()
    {
        var due = BuiltInCalendars.Support.AddBusinessTime(ParisTime(2026, 11, 21, 22), TimeSpan.FromHours(1));
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), InParis(due));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), InParis(BuiltInCalendars.Support.NextWorkingInstant(ParisTime(2026, 11, 20, 17))));
    }

    [Fact]
    public void A_duration_ending_exactly_at_closing_time_ends_that_day()
    {
        var due = BuiltInCalendars.Support.AddBusinessTime(ParisTime(2026, 11, 23, 9), TimeSpan.FromHours(8));
        Assert.Equal(new DateTime(2026, 11, 23, 17, 0, 0), InParis(due));
    }

    [Fact]
    public void Dated_and_yearly_holidays_are_skipped()
    {
        var calendar = new BusinessCalendar(
            "France", "Europe/Paris", BuiltInCalendars.Support.Hours,
            holidays: [new DateOnly(2026, 12, 28)],
            yearlyHolidays: [(12, 25)]);

        // Thursday 24 December 16:00 + 4h: 1h on Thursday, Friday 25 is Christmas, Monday 28 a dated holiday, 3h on Tuesday.
        var due = calendar.AddBusinessTime(ParisTime(2026, 12, 24, 16), TimeSpan.FromHours(4));
        Assert.Equal(new DateTime(2026, 12, 29, 12, 0, 0), InParis(due));
        Assert.True(calendar.IsHoliday(new DateOnly(2031, 12, 25)));
    }

    [Fact]
    public void Round_the_clock_time_in_Paris_counts_the_real_hours_of_the_spring_and_autumn_changes()
    {
        var parisAlways = new BusinessCalendar("Paris 24/7", "Europe/Paris",
            [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeSpan.Zero, TimeSpan.FromHours(24)))]);

        // 29 March 2026 has 23 hours in Paris: 24 real hours after Saturday noon is Sunday 13:00 local.
        var spring = parisAlways.AddBusinessTime(ParisTime(2026, 3, 28, 12), TimeSpan.FromHours(24));
        Assert.Equal(new DateTime(2026, 3, 29, 13, 0, 0), InParis(spring));
        Assert.Equal(TimeSpan.FromHours(24), spring - ParisTime(2026, 3, 28, 12));

        // 25 October 2026 has 25 hours: 24 real hours after Saturday noon is Sunday 11:00 local.
        var autumn = parisAlways.AddBusinessTime(ParisTime(2026, 10, 24, 12), TimeSpan.FromHours(24));
        Assert.Equal(new DateTime(2026, 10, 25, 11, 0, 0), InParis(autumn));
    }

    [Fact]
    public void Working_hours_on_both_sides_of_a_clock_change_are_in_local_time()
    {
        // Friday 27 March 16:00 (UTC+1) + 2 business hours = Monday 30 March 10:00 (UTC+2).
        var due = BuiltInCalendars.Support.AddBusinessTime(ParisTime(2026, 3, 27, 16), TimeSpan.FromHours(2));
        Assert.Equal(new DateTime(2026, 3, 30, 10, 0, 0), InParis(due));
        Assert.Equal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void Business_time_between_two_instants_counts_only_working_hours()
    {
        var between = BuiltInCalendars.Support.BusinessTimeBetween(ParisTime(2026, 11, 20, 16), ParisTime(2026, 11, 23, 10, 30));
        Assert.Equal(TimeSpan.FromHours(2.5), between);
    }

    [Fact]
    public void The_round_the_clock_calendar_adds_plain_time()
    {
        var start = new DateTime(2026, 11, 21, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(start.AddHours(1), BuiltInCalendars.Always.AddBusinessTime(start, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_calendar_without_working_hours_is_refused()
    {
        var closed = new BusinessCalendar("Closed", "Europe/Paris", []);
        Assert.Throws<InvalidOperationException>(() => closed.AddBusinessTime(DateTime.UtcNow, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Working_time_spent_paused_is_not_counted_towards_the_target()
    {
        // Monday 09:00, 4 business hours, paused 10:00-14:00: 1 hour before the pause, 3 after it.
        var due = BuiltInCalendars.Support.DueTime(ParisTime(2026, 11, 23, 9), TimeSpan.FromHours(4), [(ParisTime(2026, 11, 23, 10), ParisTime(2026, 11, 23, 14))]);
        Assert.Equal(new DateTime(2026, 11, 23, 17, 0, 0), InParis(due!.Value));
    }

    [Fact]
    public void A_target_spanning_a_weekend_and_a_pause_ends_on_the_next_working_day()
    {
        // Friday 16:00: 1 hour on Friday; Monday 09:00-10:00 paused; 3 hours from 10:00.
        var due = BuiltInCalendars.Support.DueTime(ParisTime(2026, 11, 20, 16), TimeSpan.FromHours(4), [(ParisTime(2026, 11, 23, 9), ParisTime(2026, 11, 23, 10))]);
        Assert.Equal(new DateTime(2026, 11, 23, 13, 0, 0), InParis(due!.Value));
    }

    [Fact]
    public void A_clock_in_an_open_pause_has_no_due_time_and_pauses_before_its_start_do_not_count()
    {
        var start = ParisTime(2026, 11, 23, 9);
        Assert.Null(BuiltInCalendars.Support.DueTime(start, TimeSpan.FromHours(4), [(ParisTime(2026, 11, 23, 11), null)]));
        var due = BuiltInCalendars.Support.DueTime(start, TimeSpan.FromHours(4), [(ParisTime(2026, 11, 20, 9), ParisTime(2026, 11, 20, 12)), (ParisTime(2026, 11, 23, 14), null)]);
        Assert.Equal(new DateTime(2026, 11, 23, 13, 0, 0), InParis(due!.Value));
    }

    [Fact]
    public void A_pause_outside_working_hours_changes_nothing_and_the_24_7_calendar_counts_every_hour()
    {
        var due = BuiltInCalendars.Support.DueTime(ParisTime(2026, 11, 23, 15), TimeSpan.FromHours(4), [(ParisTime(2026, 11, 23, 18), ParisTime(2026, 11, 24, 8))]);
        Assert.Equal(new DateTime(2026, 11, 24, 11, 0, 0), InParis(due!.Value));
        var always = BuiltInCalendars.Always.DueTime(new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc), TimeSpan.FromHours(1), [(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 1, 20, 0, DateTimeKind.Utc))]);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 50, 0, DateTimeKind.Utc), always);
    }
}
