using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Incidents.Contracts;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Incidents.Features.Manage;
using Support.Kernel.Contracts;
using Support.Kernel.Email;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Features.Notify;

/// <summary>The customers a notification of the incident goes to: every contact of every impacted company.</summary>
internal sealed record NotificationRecipientsQuery(long IncidentId) : IQuery<IReadOnlyList<CompanyContact>>;

internal sealed class NotificationRecipientsQueryHandler(IncidentsDbContext db, IMediator mediator) : IRequestHandler<NotificationRecipientsQuery, IReadOnlyList<CompanyContact>>
{
    public async Task<IReadOnlyList<CompanyContact>> Handle(NotificationRecipientsQuery request, CancellationToken cancellationToken)
    {
        var companies = await db.AffectedCompanies.AsNoTracking().Where(c => c.IncidentId == request.IncidentId).Select(c => c.CompanyId).ToListAsync(cancellationToken);
        return await mediator.Send(new CompanyContactsQuery(companies), cancellationToken);
    }
}

/// <summary>Sends a written notification to the impacted customers through the email outbox and records it, with its recipients, on the incident.</summary>
internal sealed record SendNotificationCommand(long IncidentId, string? Subject, string? Body, string Actor) : IRequest<int>;

internal sealed class SendNotificationValidator : AbstractValidator<SendNotificationCommand>
{
    public SendNotificationValidator(IStringLocalizer<IncidentsResource> t, IMediator mediator)
    {
        RuleFor(c => c.Subject).NotEmpty().WithMessage(t["Enter the subject."])
            .MaximumLength(IncidentLimits.Title).WithMessage(t["The subject is too long."]);
        RuleFor(c => c.Body).NotEmpty().WithMessage(t["Write the message."])
            .MaximumLength(IncidentLimits.Text).WithMessage(t["The message is too long."]);
        RuleFor(c => c.IncidentId)
            .MustAsync(async (id, ct) => (await mediator.Send(new NotificationRecipientsQuery(id), ct)).Count > 0)
            .WithMessage(t["No customer to notify: the impacted companies have no contact."]);
    }
}

internal sealed class SendNotificationHandler(IncidentsDbContext db, IMediator mediator, IEmailOutbox outbox, TimeProvider clock) : IRequestHandler<SendNotificationCommand, int>
{
    public async Task<int> Handle(SendNotificationCommand request, CancellationToken cancellationToken)
    {
        var incident = await db.FindAsync(request.IncidentId, cancellationToken);
        var recipients = await mediator.Send(new NotificationRecipientsQuery(incident.Id), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var isFirst = incident.FirstNotifiedAtUtc is null;
        var subject = $"[{incident.Reference}] {request.Subject!.Trim()}";
        var body = request.Body!.Trim();
        var notification = new IncidentNotification(incident.Id, subject, body, request.Actor, now);
        foreach (var contact in recipients.DistinctBy(c => c.Email.ToLowerInvariant()))
        {
            outbox.Queue(new OutgoingEmail(contact.Email, contact.Name, subject, body, null, "incident-notification"));
            notification.Recipients.Add(new NotificationRecipient(contact.Email, contact.Name, contact.CompanyName));
        }

        db.Notifications.Add(notification);
        incident.RecordNotification(now);
        db.Timeline.Add(new TimelineEntry(incident.Id, now, TimelineKind.NotificationSent, $"{subject} ({notification.Recipients.Count})", request.Actor));
        db.AddIntegrationEvent(new IncidentNotifiedEvent(Guid.NewGuid(), now, incident.Id, notification.Recipients.Count, isFirst));
        return notification.Recipients.Count;
    }
}

/// <summary>
/// The notification templates of the composer (first notification, update, resolution) in French (the reference)
/// and English. Admins may reword them; their placeholders are filled from the incident.
/// </summary>
internal static partial class NotificationTemplates
{
    public static readonly IReadOnlyList<string> Keys = ["initial", "update", "resolved"];

    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];

    /// <summary>What a template may say in braces, filled from the incident.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["reference", "title", "services", "impact", "state"];

    /// <summary>The wording the product ships with.</summary>
    public static (string Subject, string Body) Default(string key, string language) => (key, language == "en") switch
    {
        ("update", false) => ("Point de situation : {title}",
            "Madame, Monsieur,\n\nVoici un point sur l'incident en cours sur {services}.\n\nSituation actuelle : {state}.\n\n[Décrivez les progrès et les prochaines étapes.]\n\nNous vous tiendrons informés.\n\nL'équipe support"),
        ("update", true) => ("Update: {title}",
            "Dear customer,\n\nHere is an update on the ongoing incident affecting {services}.\n\nCurrent status: {state}.\n\n[Describe the progress and the next steps.]\n\nWe will keep you informed.\n\nThe support team"),
        ("resolved", false) => ("Incident résolu : {title}",
            "Madame, Monsieur,\n\nL'incident qui touchait {services} est résolu ; le service fonctionne normalement.\n\nUn rapport d'analyse des causes (RCA) pourra vous être transmis sur demande.\n\nNous vous prions de nous excuser pour la gêne occasionnée.\n\nL'équipe support"),
        ("resolved", true) => ("Incident resolved: {title}",
            "Dear customer,\n\nThe incident affecting {services} is resolved; the service works normally again.\n\nA root-cause-analysis (RCA) report is available on request.\n\nWe apologise for the inconvenience.\n\nThe support team"),
        (_, true) => ("Incident in progress: {title}",
            "Dear customer,\n\nWe are experiencing an incident affecting {services}.\n\nImpact: {impact}\n\nOur teams are working on it. We will send you an update shortly.\n\nThe support team"),
        _ => ("Incident en cours : {title}",
            "Madame, Monsieur,\n\nNous rencontrons actuellement un incident qui touche {services}.\n\nImpact : {impact}\n\nNos équipes sont mobilisées. Nous vous adresserons un nouveau point très prochainement.\n\nL'équipe support"),
    };

    /// <summary>The template with its placeholders filled from the incident.</summary>
    public static (string Subject, string Body) Fill((string Subject, string Body) template, string language, Incident incident) =>
        (Fill(template.Subject, language, incident), Fill(template.Body, language, incident));

    /// <summary>The placeholders of <paramref name="text"/> that are not known (each once).</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(name => !Placeholders.Contains(name)).Distinct()];

    private static string Fill(string text, string language, Incident incident) =>
        Placeholder().Replace(text, match => match.Groups[1].Value switch
        {
            "reference" => incident.Reference,
            "title" => incident.Title,
            "services" => string.Join(", ", incident.Services),
            "impact" => incident.Impact,
            "state" => State(incident.State, language == "en"),
            _ => match.Value,
        });

    private static string State(IncidentState state, bool english) => (state, english) switch
    {
        (IncidentState.Investigating, false) => "recherche de la cause",
        (IncidentState.Identified, false) => "cause identifiée, correction en cours",
        (IncidentState.Monitoring, false) => "correction appliquée, service sous surveillance",
        (IncidentState.Resolved or IncidentState.Closed, false) => "résolu",
        (IncidentState.Investigating, true) => "investigating",
        (IncidentState.Identified, true) => "cause identified, fix in progress",
        (IncidentState.Monitoring, true) => "fix applied, monitoring",
        _ => "resolved",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
