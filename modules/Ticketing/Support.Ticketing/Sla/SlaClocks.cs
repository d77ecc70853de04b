using Microsoft.EntityFrameworkCore;
using Support.Kernel.Caching;
using Support.Ticketing.Contracts;
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
        var policy = await ChooseAsync(ticket.Severity, contractInForce, ticket.HelpTopicId, cancellationToken);
        ticket.SetSlaTimes(policy, await TimesAsync(ticket.CreatedAtUtc, ticket.NextResponseStartedAtUtc, ticket.SlaPauses, policy, cancellationToken));

        // The SLA workflow waits for this to time its alerts again; a new ticket's own event starts it.
        if (!opening && before != (ticket.SlaDueAtUtc, ticket.SlaWarnAtUtc, ticket.SlaPausedSinceUtc, ticket.SlaClock))
        {
            await events.SlaClocksChangedAsync(ticket, now, cancellationToken);
        }
    }

    /// <summary>
    /// A new ticket's clocks, computed before its unit of work takes the write lock: the policy and the
    /// business-time arithmetic need nothing that the ticket's own transaction could change.
    /// </summary>
    public async Task<SlaOpening> PlanOpeningAsync(bool criticalSituation, long helpTopicId, bool contractInForce, DateTime now, CancellationToken cancellationToken)
    {
        var policy = await ChooseAsync(Ticket.InitialSeverity(criticalSituation), contractInForce, helpTopicId, cancellationToken);
        return new SlaOpening(contractInForce, policy, await TimesAsync(now, null, [], policy, cancellationToken));
    }

    /// <summary>
    /// Starts a new ticket's clocks as planned, or computes them again (under the lock) when its company's
    /// contract turned out otherwise than assumed (a company found only under the lock).
    /// </summary>
    public Task StartAsync(Ticket ticket, SlaOpening plan, bool contractInForce, DateTime now, CancellationToken cancellationToken)
    {
        if (plan.ContractInForce != contractInForce)
        {
            return UpdateAsync(ticket, contractInForce, now, cancellationToken);
        }

        ticket.KeepSlaPausesInStep(now);
        ticket.SetSlaTimes(plan.Policy, plan.Times);
        return Task.CompletedTask;
    }

    /// <summary>The policy that applies; none while business time is unavailable (the Workflows module switched off: no clock runs).</summary>
    private async Task<SlaPolicy?> ChooseAsync(TicketSeverity severity, bool contractInForce, long helpTopicId, CancellationToken cancellationToken) =>
        !calendars.Available
            ? null
            : SlaPolicy.Choose(await policies.AllAsync(db, cancellationToken), severity, contractInForce, helpTopicId);

    /// <summary>The clocks' due and warning times under <paramref name="policy"/>; none without a policy.</summary>
    private async Task<SlaTimes> TimesAsync(DateTime createdAtUtc, DateTime? nextResponseStartedAtUtc, IEnumerable<SlaPause> pauses, SlaPolicy? policy, CancellationToken cancellationToken)
    {
        if (policy is null)
        {
            return SlaTimes.None;
        }

        var nextStart = nextResponseStartedAtUtc ?? createdAtUtc;
        var clocks = new List<ClockTarget>();
        foreach (var (start, minutes) in new[] { (createdAtUtc, policy.FirstResponseMinutes), (nextStart, policy.NextResponseMinutes), (createdAtUtc, policy.ResolutionMinutes) })
        {
            var target = TimeSpan.FromMinutes(minutes);
            clocks.Add(new ClockTarget(start, target));
            clocks.Add(new ClockTarget(start, target * policy.WarningPercent / 100));
        }

        var due = (await calendars.DueTimesAsync(new ComputeDueTimesQuery(policy.Calendar, clocks, [.. pauses.Select(p => new ClockPause(p.FromUtc, p.ToUtc))]), cancellationToken)).Due;
        return new SlaTimes(new SlaClockTime(due[0], due[1]), new SlaClockTime(due[2], due[3]), new SlaClockTime(due[4], due[5]));
    }
}

/// <summary>A new ticket's SLA clocks as planned before its transaction, and the contract they assumed.</summary>
internal sealed record SlaOpening(bool ContractInForce, SlaPolicy? Policy, SlaTimes Times);
