using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Incidents.Workflow;
using Support.Kernel.Email;
using Support.Kernel.Staff;

namespace Support.Incidents.Features.Cadence;

/// <summary>
/// Reminds the communications lead (else the incident lead, else whoever declared the incident) of every open
/// incident whose update to the customers is due (last notification + cadence) and not sent: an email and a
/// timeline entry, once per due time. Sending the update moves the due time on.
/// </summary>
internal sealed record RemindDueUpdatesCommand : IRequest<int>;

internal sealed class RemindDueUpdatesHandler(IncidentsDbContext db, IStaffDirectory staff, IEmailOutbox outbox, TimeProvider clock) : IRequestHandler<RemindDueUpdatesCommand, int>
{
    public async Task<int> Handle(RemindDueUpdatesCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Incidents
            .Where(i => i.State < IncidentState.Resolved && i.UpdateCadenceMinutes != null && i.LastNotifiedAtUtc != null)
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var incident in candidates)
        {
            if (incident.NextUpdateDueAtUtc is not { } due || due > now || incident.UpdateReminderDueAtUtc == due)
            {
                continue;
            }

            var (email, name) = await IncidentLeads.ResponsibleAsync(db, staff, incident, cancellationToken);
            if (email is not null)
            {
                outbox.Queue(new OutgoingEmail(
                    email,
                    name,
                    $"[{incident.Reference}] Point de situation attendu / Update due",
                    $"Le point de situation aux clients impactés par l'incident « {incident.Title} » était attendu à {due:HH:mm} UTC "
                    + $"(un toutes les {incident.UpdateCadenceMinutes} minutes) et n'a pas été envoyé. Envoyez-le depuis la page de l'incident.\n\n"
                    + $"The update to the customers impacted by incident \"{incident.Title}\" was due at {due:HH:mm} UTC "
                    + $"(one every {incident.UpdateCadenceMinutes} minutes) and has not been sent. Send it from the incident's page.",
                    null,
                    "incident-update-reminder"));
            }

            incident.RecordUpdateReminder(due);
            db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.UpdateReminder, $"{due:HH:mm} UTC|{name ?? ""}", "Support"));
            reminded++;
        }

        return reminded;
    }
}

/// <summary>Looks for due updates every <see cref="IncidentsOptions.UpdateReminderInterval"/>.</summary>
internal sealed partial class UpdateReminderWorker(IServiceScopeFactory scopes, IOptions<IncidentsOptions> options, ILogger<UpdateReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UpdateReminderInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RemindDueUpdatesCommand(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for incident updates due failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
