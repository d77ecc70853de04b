using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Contracts;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Features.Sla;

/// <summary>Every SLA policy, by severity (highest first), the general one before narrower ones.</summary>
internal sealed record SlaPolicyListQuery : IQuery<IReadOnlyList<SlaPolicy>>;

internal sealed class SlaPolicyListHandler(TicketingDbContext db) : IRequestHandler<SlaPolicyListQuery, IReadOnlyList<SlaPolicy>>
{
    public async Task<IReadOnlyList<SlaPolicy>> Handle(SlaPolicyListQuery request, CancellationToken cancellationToken) =>
        [.. (await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(p => p.Severity).ThenBy(p => p.Specificity).ThenBy(p => p.Id)];
}

/// <summary>Targets as the admin types them: hours and minutes, <c>4:00</c>, <c>40:00</c>, <c>0:30</c>.</summary>
internal static class SlaDuration
{
    /// <summary>The longest target accepted: a year of 24-hour days.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    public static int? Minutes(string? text)
    {
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > MaxMinutes / 60)
        {
            return null;
        }

        var total = (hours * 60) + minutes;
        return total is > 0 and <= MaxMinutes ? total : null;
    }

    public static string Format(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:D2}");
}

/// <summary>Adds a policy (no id) or changes one.</summary>
internal sealed record SaveSlaPolicyCommand(
    long? Id,
    string? Name,
    TicketSeverity Severity,
    SlaContractCondition Contract,
    long? HelpTopicId,
    string? FirstResponse,
    string? NextResponse,
    string? Resolution,
    string? Calendar,
    int WarningPercent) : IRequest<long>;

internal sealed class SaveSlaPolicyValidator : AbstractValidator<SaveSlaPolicyCommand>
{
    public SaveSlaPolicyValidator(IStringLocalizer<TicketingResource> t, TicketingDbContext db, SlaCalendars calendars)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(t["The policy needs a name."]).MaximumLength(100).WithMessage(t["The policy's name is longer than 100 characters."]);
        RuleFor(c => c.Severity).IsInEnum().WithMessage(t["Choose a severity from the list."]);
        RuleFor(c => c.Contract).IsInEnum().WithMessage(t["Choose which companies the policy applies to from the list."]);
        RuleFor(c => c.HelpTopicId)
            .MustAsync(async (id, ct) => id is null || await db.HelpTopics.AnyAsync(h => h.Id == id, ct))
            .WithMessage(t["Choose a help topic from the list."]);
        RuleFor(c => c.FirstResponse).Must(v => SlaDuration.Minutes(v) is not null).WithMessage(c => t["First response: write the target as hours and minutes, e.g. 4:00 or 0:30 (more than zero)."]);
        RuleFor(c => c.NextResponse).Must(v => SlaDuration.Minutes(v) is not null).WithMessage(c => t["Next response: write the target as hours and minutes, e.g. 4:00 or 0:30 (more than zero)."]);
        RuleFor(c => c.Resolution).Must(v => SlaDuration.Minutes(v) is not null).WithMessage(c => t["Resolution: write the target as hours and minutes, e.g. 40:00 (more than zero)."]);
        RuleFor(c => c.WarningPercent).InclusiveBetween(1, 99).WithMessage(t["The warning threshold is a percentage of the target between 1 and 99."]);
        RuleFor(c => c.Calendar)
            .MustAsync(async (name, ct) => !string.IsNullOrEmpty(name) && (await calendars.NamesAsync(ct)).Contains(name))
            .WithMessage(t["Choose a business calendar from the list."]);
        RuleFor(c => c)
            .MustAsync(async (c, ct) => !await db.SlaPolicies.AnyAsync(p => p.Id != c.Id && p.Severity == c.Severity && p.Contract == c.Contract && p.HelpTopicId == c.HelpTopicId, ct))
            .WithMessage(t["Another policy already applies to this severity with the same conditions."]);
    }
}

internal sealed class SaveSlaPolicyHandler(TicketingDbContext db) : IRequestHandler<SaveSlaPolicyCommand, long>
{
    public async Task<long> Handle(SaveSlaPolicyCommand request, CancellationToken cancellationToken)
    {
        var policy = request.Id is { } id
            ? await db.SlaPolicies.SingleAsync(p => p.Id == id, cancellationToken)
            : db.SlaPolicies.Add(new SlaPolicy(request.Name!.Trim(), request.Severity)).Entity;
        policy.Name = request.Name!.Trim();
        policy.Severity = request.Severity;
        policy.Contract = request.Contract;
        policy.HelpTopicId = request.HelpTopicId;
        policy.FirstResponseMinutes = SlaDuration.Minutes(request.FirstResponse)!.Value;
        policy.NextResponseMinutes = SlaDuration.Minutes(request.NextResponse)!.Value;
        policy.ResolutionMinutes = SlaDuration.Minutes(request.Resolution)!.Value;
        policy.Calendar = request.Calendar!;
        policy.WarningPercent = request.WarningPercent;
        await db.SaveChangesAsync(cancellationToken);
        return policy.Id;
    }
}

/// <summary>Removes a policy: tickets it chose keep their due times until their next change, which chooses again.</summary>
internal sealed record DeleteSlaPolicyCommand(long Id) : IRequest<Unit>;

internal sealed class DeleteSlaPolicyHandler(TicketingDbContext db) : IRequestHandler<DeleteSlaPolicyCommand, Unit>
{
    public async Task<Unit> Handle(DeleteSlaPolicyCommand request, CancellationToken cancellationToken)
    {
        if (await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken) is { } policy)
        {
            db.SlaPolicies.Remove(policy);
        }

        return Unit.Value;
    }
}
