using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Kernel.Contracts;

namespace Support.Incidents.Features.Notify;

/// <summary>A notification template as the composer and the admin page see it: the admin's wording, or the default.</summary>
internal sealed record TemplateText(string Key, string Language, string Subject, string Body, bool Customised, string UpdatedBy, DateTime? UpdatedAtUtc);

/// <summary>Every template (first notification, update, resolution × French, English).</summary>
internal sealed record NotificationTemplatesQuery : IQuery<IReadOnlyList<TemplateText>>;

internal sealed class NotificationTemplatesQueryHandler(IncidentsDbContext db) : IRequestHandler<NotificationTemplatesQuery, IReadOnlyList<TemplateText>>
{
    public async Task<IReadOnlyList<TemplateText>> Handle(NotificationTemplatesQuery request, CancellationToken cancellationToken)
    {
        var stored = await db.Templates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. NotificationTemplates.Keys.SelectMany(key => NotificationTemplates.Languages.Select(language =>
            stored.SingleOrDefault(t => t.Key == key && t.Language == language) is { } custom
                ? new TemplateText(key, language, custom.Subject, custom.Body, true, custom.UpdatedBy, custom.UpdatedAtUtc)
                : Default(key, language)))];
    }

    private static TemplateText Default(string key, string language)
    {
        var (subject, body) = NotificationTemplates.Default(key, language);
        return new TemplateText(key, language, subject, body, false, "", null);
    }
}

/// <summary>An admin rewords a template; only known placeholders are accepted.</summary>
internal sealed record SaveTemplateCommand(string Key, string Language, string? Subject, string? Body, string Actor) : IRequest<Unit>;

internal sealed class SaveTemplateValidator : AbstractValidator<SaveTemplateCommand>
{
    public SaveTemplateValidator(IStringLocalizer<IncidentsResource> t)
    {
        RuleFor(c => c.Key).Must(k => NotificationTemplates.Keys.Contains(k)).WithMessage(t["This template does not exist."]);
        RuleFor(c => c.Language).Must(l => NotificationTemplates.Languages.Contains(l)).WithMessage(t["This template does not exist."]);
        RuleFor(c => c.Subject).NotEmpty().WithMessage(t["Enter the subject."])
            .MaximumLength(IncidentLimits.Title).WithMessage(t["The subject is too long."]);
        RuleFor(c => c.Body).NotEmpty().WithMessage(t["Write the message."])
            .MaximumLength(IncidentLimits.Text).WithMessage(t["The message is too long."]);
        RuleFor(c => $"{c.Subject} {c.Body}")
            .Must(text => NotificationTemplates.Unknown(text).Count == 0)
            .WithName("Body")
            .WithMessage(c => t["Unknown placeholder(s): {0}. The placeholders are {1}.", string.Join(", ", NotificationTemplates.Unknown($"{c.Subject} {c.Body}").Select(p => "{" + p + "}")), string.Join(", ", NotificationTemplates.Placeholders.Select(p => "{" + p + "}"))]);
    }
}

internal sealed class SaveTemplateHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<SaveTemplateCommand, Unit>
{
    public async Task<Unit> Handle(SaveTemplateCommand request, CancellationToken cancellationToken)
    {
        var template = await db.Templates.SingleOrDefaultAsync(t => t.Key == request.Key && t.Language == request.Language, cancellationToken);
        if (template is null)
        {
            template = new NotificationTemplate(request.Key, request.Language);
            db.Templates.Add(template);
        }

        template.Edit(request.Subject!, request.Body!, request.Actor, clock.GetUtcNow().UtcDateTime);
        return Unit.Value;
    }
}

/// <summary>An admin puts a template back to the product's wording.</summary>
internal sealed record ResetTemplateCommand(string Key, string Language) : IRequest<Unit>;

internal sealed class ResetTemplateHandler(IncidentsDbContext db) : IRequestHandler<ResetTemplateCommand, Unit>
{
    public async Task<Unit> Handle(ResetTemplateCommand request, CancellationToken cancellationToken)
    {
        await foreach (var template in db.Templates.Where(t => t.Key == request.Key && t.Language == request.Language).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            db.Templates.Remove(template);
        }

        return Unit.Value;
    }
}
