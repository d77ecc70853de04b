using MediatR;
using Support.Workflows.Contracts;

namespace Support.Ticketing.Sla;

/// <summary>
/// The Workflows module's business calendars as Ticketing uses them. With that module switched off there are
/// none: no policy applies, no clock runs, and the policy form offers no calendar.
/// </summary>
internal sealed class SlaCalendars(IMediator mediator, IServiceProvider services)
{
    /// <summary>Whether the Workflows module answers (its handlers are registered only when it is enabled).</summary>
    public bool Available => services.GetService(typeof(IRequestHandler<ComputeDueTimesQuery, DueTimes>)) is not null;

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken) =>
        Available ? await mediator.Send(new BusinessCalendarNamesQuery(), cancellationToken) : [];

    public Task<DueTimes> DueTimesAsync(ComputeDueTimesQuery query, CancellationToken cancellationToken) =>
        Available ? mediator.Send(query, cancellationToken) : Task.FromResult(DueTimes.UnknownCalendar(query.Clocks.Count));
}
