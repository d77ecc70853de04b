using System.Net.Mail;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Incidents.Features.Manage;
using Support.Incidents.Workflow;
using Support.Kernel.Contracts;
using Support.Kernel.Email;

namespace Support.Incidents.Features.StatusPage;

/// <summary>An incident as the public sees it: only what was published.</summary>
internal sealed record PublicIncident(long Id, string Reference, string Title, IReadOnlyList<string> Services, IncidentState State, DateTime StartedAtUtc, DateTime? ResolvedAtUtc, IReadOnlyList<StatusUpdate> Updates);

/// <summary>The status page: incidents with at least one published update, current ones and those of the last <paramref name="Days"/> days.</summary>
internal sealed record StatusPageQuery(int Days = 30) : IQuery<IReadOnlyList<PublicIncident>>;

internal sealed class StatusPageQueryHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<StatusPageQuery, IReadOnlyList<PublicIncident>>
{
    public async Task<IReadOnlyList<PublicIncident>> Handle(StatusPageQuery request, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-request.Days);
        var ids = await db.StatusUpdates.AsNoTracking().Select(u => u.IncidentId).Distinct().ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && (i.State < IncidentState.Resolved || i.ResolvedAtUtc >= since))
            .OrderByDescending(i => i.DeclaredAtUtc).Take(200).ToListAsync(cancellationToken);
        var shown = incidents.Select(i => i.Id).ToList();
        var updates = (await db.StatusUpdates.AsNoTracking().Where(u => shown.Contains(u.IncidentId)).ToListAsync(cancellationToken))
            .GroupBy(u => u.IncidentId).ToDictionary(g => g.Key, g => (IReadOnlyList<StatusUpdate>)[.. g.OrderByDescending(u => u.PublishedAtUtc).ThenByDescending(u => u.Id)]);
        return [.. incidents.Select(i => new PublicIncident(i.Id, i.Reference, i.Title, [.. i.Services], i.State, updates[i.Id][^1].PublishedAtUtc, i.ResolvedAtUtc, updates[i.Id]))];
    }
}

/// <summary>Publishes an update of the incident on the status page and emails it to the confirmed subscribers.</summary>
internal sealed record PublishStatusUpdateCommand(long IncidentId, string? Message, string Actor) : IRequest<Unit>;

internal sealed class PublishStatusUpdateValidator : AbstractValidator<PublishStatusUpdateCommand>
{
    public PublishStatusUpdateValidator(IStringLocalizer<IncidentsResource> t) =>
        RuleFor(c => c.Message).NotEmpty().WithMessage(t["Write the public update."])
            .MaximumLength(IncidentLimits.Text).WithMessage(t["The message is too long."]);
}

internal sealed class PublishStatusUpdateHandler(IncidentsDbContext db, IEmailOutbox outbox, StatusLinks links, TimeProvider clock) : IRequestHandler<PublishStatusUpdateCommand, Unit>
{
    public async Task<Unit> Handle(PublishStatusUpdateCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = request.Message!.Trim();
        db.StatusUpdates.Add(new StatusUpdate(incident.Id, incident.State, message, now));
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.StatusPublished, message, request.Actor));
        var subscribers = await db.Subscriptions.AsNoTracking().Where(s => s.ConfirmedAtUtc != null).ToListAsync(cancellationToken);
        foreach (var subscriber in subscribers)
        {
            outbox.Queue(new OutgoingEmail(
                subscriber.Email,
                null,
                $"[{incident.Reference}] {incident.Title} · {StatusTexts.State(incident.State)}",
                $"{message}\n\n{StatusTexts.Services}{string.Join(", ", incident.Services)}\n{links.Absolute("/status")}\n\n"
                + $"Pour ne plus recevoir ces messages / To stop receiving these messages: {links.Unsubscribe(subscriber.Id)}",
                null,
                "status-update"));
        }

        return Unit.Value;
    }
}

/// <summary>Asks for the status page's updates by email: a confirmation link is emailed (double opt-in). Answers the same whatever the address's state.</summary>
internal sealed record SubscribeCommand(string? Email) : IRequest<Unit>;

internal sealed class SubscribeValidator : AbstractValidator<SubscribeCommand>
{
    public SubscribeValidator(IStringLocalizer<IncidentsResource> t) =>
        RuleFor(c => c.Email).Must(e => e is { Length: <= IncidentLimits.Email } && MailAddress.TryCreate(e.Trim(), out var a) && a.Address == e.Trim())
            .WithMessage(t["Enter a valid email address."]);
}

internal sealed class SubscribeHandler(IncidentsDbContext db, IEmailOutbox outbox, StatusLinks links, TimeProvider clock) : IRequestHandler<SubscribeCommand, Unit>
{
    public async Task<Unit> Handle(SubscribeCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var normalized = StatusSubscription.Normalize(email);
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        if (subscription is null)
        {
            subscription = new StatusSubscription(email, clock.GetUtcNow().UtcDateTime);
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (subscription.ConfirmedAtUtc is null)
        {
            outbox.Queue(new OutgoingEmail(
                email,
                null,
                "Confirmez votre abonnement à l'état des services / Confirm your subscription",
                "Vous avez demandé à recevoir par e-mail les annonces d'incidents de la page d'état des services. "
                + $"Pour confirmer, ouvrez ce lien (valable 48 heures) :\n{links.Confirm(subscription.Id)}\n\n"
                + "You asked to receive the status page's incident announcements by email. To confirm, open this link (valid for 48 hours):\n"
                + $"{links.Confirm(subscription.Id)}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message. / If you did not ask, ignore this message.",
                null,
                "status-subscription"));
        }

        return Unit.Value;
    }
}

/// <summary>Confirms a subscription from its emailed link; false when the link is invalid or expired.</summary>
internal sealed record ConfirmSubscriptionCommand(string Token) : IRequest<bool>;

internal sealed class ConfirmSubscriptionHandler(IncidentsDbContext db, StatusLinks links, TimeProvider clock) : IRequestHandler<ConfirmSubscriptionCommand, bool>
{
    public async Task<bool> Handle(ConfirmSubscriptionCommand request, CancellationToken cancellationToken)
    {
        if (links.ReadConfirm(request.Token) is not { } id
            || await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return false;
        }

        subscription.Confirm(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}

/// <summary>Ends a subscription from the link in every update; false when the link is invalid.</summary>
internal sealed record UnsubscribeCommand(string Token) : IRequest<bool>;

internal sealed class UnsubscribeHandler(IncidentsDbContext db, StatusLinks links) : IRequestHandler<UnsubscribeCommand, bool>
{
    public async Task<bool> Handle(UnsubscribeCommand request, CancellationToken cancellationToken)
    {
        if (links.ReadUnsubscribe(request.Token) is not { } id)
        {
            return false;
        }

        if (await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subscription)
        {
            db.Subscriptions.Remove(subscription);
        }

        return true;
    }
}

/// <summary>
/// The links of the subscription emails. Their tokens are the subscription's id protected by ASP.NET Core Data
/// Protection (authenticated encryption): nothing to store, nothing to guess; the confirmation link expires.
/// </summary>
internal sealed class StatusLinks(IDataProtectionProvider protection, IHttpContextAccessor http, IOptions<IncidentsOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _confirm = protection.CreateProtector("Support.Incidents.StatusSubscription.Confirm").ToTimeLimitedDataProtector();
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("Support.Incidents.StatusSubscription.Unsubscribe");

    public string Absolute(string path)
    {
        var baseUrl = options.Value.PublicUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return (baseUrl ?? "http://localhost").TrimEnd('/') + path;
    }

    public string Confirm(long id) =>
        Absolute("/status/confirm/" + _confirm.Protect(id.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow().AddHours(48)));

    public string Unsubscribe(long id) =>
        Absolute("/status/unsubscribe/" + _unsubscribe.Protect(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public long? ReadConfirm(string token) => Read(() => _confirm.Unprotect(token, out var expiration) is var text && expiration >= clock.GetUtcNow() ? text : null);

    public long? ReadUnsubscribe(string token) => Read(() => _unsubscribe.Unprotect(token));

    private static long? Read(Func<string?> unprotect)
    {
        try
        {
            return long.TryParse(unprotect(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>The bilingual words of the status emails and feed (French first).</summary>
internal static class StatusTexts
{
    public const string Services = "Services : ";

    public static string State(IncidentState state) => state switch
    {
        IncidentState.Investigating => "Investigation en cours / Investigating",
        IncidentState.Identified => "Cause identifiée / Identified",
        IncidentState.Monitoring => "Sous surveillance / Monitoring",
        _ => "Résolu / Resolved",
    };
}
