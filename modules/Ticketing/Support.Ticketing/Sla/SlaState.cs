using Support.Ticketing.Domain;

namespace Support.Ticketing.Sla;

/// <summary>Where an SLA clock stands at a given moment, as agents see it.</summary>
internal enum SlaState
{
    /// <summary>No clock runs (no policy applies, or nothing is awaited).</summary>
    None,

    /// <summary>Running, before its warning threshold.</summary>
    Running,

    /// <summary>Running, past its warning threshold.</summary>
    AtRisk,

    /// <summary>Running, past its due time.</summary>
    Breached,

    /// <summary>Standing still while the ticket awaits its customer or is closed.</summary>
    Paused,

    /// <summary>Stopped in time.</summary>
    Met,

    /// <summary>Stopped after its due time.</summary>
    MetLate,
}

/// <summary>One clock on the ticket page: its state, due time and the time left (negative when overdue).</summary>
internal sealed record SlaClockView(SlaState State, DateTime? DueAtUtc, TimeSpan? Remaining);

/// <summary>A ticket's SLA as its page shows it.</summary>
internal sealed record SlaView(string? PolicyName, SlaClockView FirstResponse, SlaClockView NextResponse, int NextResponsesMet, int NextResponsesBreached, SlaClockView Resolution)
{
    public static SlaView Of(Ticket ticket, DateTime now) => new(
        ticket.SlaPolicyName,
        Clock(ticket.SlaPolicyId is not null && ticket.FirstResponseRunning, ticket.FirstResponseDueAtUtc, ticket.FirstResponseWarnAtUtc, ticket.FirstResponseMet, ticket.SlaPausedSinceUtc, now),
        Clock(ticket.SlaPolicyId is not null && ticket.NextResponseStartedAtUtc is not null, ticket.NextResponseDueAtUtc, ticket.NextResponseWarnAtUtc, null, ticket.SlaPausedSinceUtc, now),
        ticket.NextResponsesMet,
        ticket.NextResponsesBreached,
        Clock(ticket.SlaPolicyId is not null && ticket.ResolutionRunning, ticket.ResolutionDueAtUtc, ticket.ResolutionWarnAtUtc, ticket.ResolutionMet, ticket.SlaPausedSinceUtc, now));

    /// <summary>The state of the earliest running clock, from the columns the queues read (a closed ticket shows none).</summary>
    public static SlaClockView Summary(Contracts.TicketStatus status, DateTime? dueAtUtc, DateTime? warnAtUtc, DateTime? pausedSinceUtc, DateTime now) =>
        dueAtUtc is null
            ? new SlaClockView(pausedSinceUtc is null || status == Contracts.TicketStatus.Closed ? SlaState.None : SlaState.Paused, null, null)
            : Clock(true, dueAtUtc, warnAtUtc, null, pausedSinceUtc, now);

    private static SlaClockView Clock(bool running, DateTime? due, DateTime? warnAt, bool? met, DateTime? pausedSince, DateTime now)
    {
        if (!running)
        {
            return new SlaClockView(met switch { true => SlaState.Met, false => SlaState.MetLate, _ => SlaState.None }, due, null);
        }

        if (due is null)
        {
            return new SlaClockView(pausedSince is null ? SlaState.None : SlaState.Paused, null, null);
        }

        var state = due <= now ? SlaState.Breached : warnAt <= now ? SlaState.AtRisk : SlaState.Running;
        return new SlaClockView(state, due, due - now);
    }
}

/// <summary>How the pages write an SLA clock's time left.</summary>
internal static class SlaText
{
    /// <summary>A duration rounded down to the minute: <c>45 min</c>, <c>3 h 05 min</c>, <c>2 d 4 h</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var value = span.Duration();
        return value.TotalDays >= 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(int)value.TotalDays} d {value.Hours} h")
            : value.TotalHours >= 1
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(int)value.TotalHours} h {value.Minutes:D2} min")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.Minutes} min");
    }
}
