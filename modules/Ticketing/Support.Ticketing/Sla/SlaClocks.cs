using Microsoft.EntityFrameworkCore;
using Support.Kernel.Caching;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Notifications;
using Support.Workflows.Contracts;

namespace Support.Ticketing.Sla;

/// <summary>
/// The SLA policies as last read: every ticket opened and every reply chooses one. A saved change empties it
/// (<see cref="TicketingDbContext"/>); another host's change is seen within a minute.
/// </summary>
internal sealed class SlaPolicyCatalog(TimeProvider clock) : SnapshotCache<IReadOnlyList<SlaPolicy>>(clock, TimeSpan.FromMinutes(1))
{
    public Task<IReadOnlyList<SlaPolicy>> AllAsync(TicketingDbContext db, CancellationToken cancellationToken) =>
        GetOrReadAsync(async ct => await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Severity).ThenBy(p => p.Id).ToListAsync(ct), cancellationToken);
}

/// <summary>
/// Keeps a ticket's SLA clocks current after a change: chooses the policy (severity, company contract, help
/// topic), keeps the pauses in step with the status, and recomputes the running clocks' due and warning times
/// from their original starts in the policy's business calendar (the Workflows module computes business time).
/// </summary>
internal sealed class SlaClocks(TicketingDbContext db, SlaPolicyCatalog policies, SlaCalendars calendars, TicketEvents events)
{
    /// <summary>After a change to an existing ticket (its company's contract is read).</summary>
    public async Task UpdateAsync(Ticket ticket, DateTime now, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == ticket.CompanyId, cancellationToken);
        await UpdateAsync(ticket, company.ContractInForce(DateOnly.FromDateTime(now)), now, cancellationToken);
    }

    /// <summary>After a change, when the company's contract is known (a ticket being opened).</summary>
    public async Task UpdateAsync(Ticket ticket, bool contractInForce, DateTime now, CancellationToken cancellationToken)
    {
        var opening = db.Entry(ticket).State == EntityState.Added;
        if (!opening)
        {
            await db.Entry(ticket).Collection(t => t.SlaPauses).LoadAsync(cancellationToken);
        }

        var before = (ticket.SlaDueAtUtc, ticket.SlaWarnAtUtc, ticket.SlaPausedSinceUtc, ticket.SlaClock);
        ticket.KeepSlaPausesInStep(now);
        // Business time is the Workflows module's: with it switched off no clock runs (tickets open as before).
        var policy = !calendars.Available
            ? null
            : SlaPolicy.Choose(await policies.AllAsync(db, cancellationToken), ticket.Severity, contractInForce, ticket.HelpTopicId);
        ticket.SetSlaTimes(policy, policy is null ? SlaTimes.None : await TimesAsync(ticket, policy, cancellationToken));

        // The SLA workflow waits for this to time its alerts again; a new ticket's own event starts it.
        if (!opening && before != (ticket.SlaDueAtUtc, ticket.SlaWarnAtUtc, ticket.SlaPausedSinceUtc, ticket.SlaClock))
        {
            await events.SlaClocksChangedAsync(ticket, now, cancellationToken);
        }
    }

    private async Task<SlaTimes> TimesAsync(Ticket ticket, SlaPolicy policy, CancellationToken cancellationToken)
    {
        var nextStart = ticket.NextResponseStartedAtUtc ?? ticket.CreatedAtUtc;
        var clocks = new List<ClockTarget>();
        foreach (var (start, minutes) in new[] { (ticket.CreatedAtUtc, policy.FirstResponseMinutes), (nextStart, policy.NextResponseMinutes), (ticket.CreatedAtUtc, policy.ResolutionMinutes) })
        {
            var target = TimeSpan.FromMinutes(minutes);
            clocks.Add(new ClockTarget(start, target));
            clocks.Add(new ClockTarget(start, target * policy.WarningPercent / 100));
        }

        var due = (await calendars.DueTimesAsync(new ComputeDueTimesQuery(policy.Calendar, clocks, [.. ticket.SlaPauses.Select(p => new ClockPause(p.FromUtc, p.ToUtc))]), cancellationToken)).Due;
        return new SlaTimes(new SlaClockTime(due[0], due[1]), new SlaClockTime(due[2], due[3]), new SlaClockTime(due[4], due[5]));
    }
}
