using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Escalation.Data;
using Support.Escalation.Domain;
using Support.Kernel.Contracts;

namespace Support.Escalation.Features.Contacts;

/// <summary>The escalation chains: each region's contacts in the order they are called.</summary>
internal sealed record ContactChainsQuery : IQuery<IReadOnlyList<EscalationContact>>;

internal sealed class ContactChainsQueryHandler(EscalationDbContext db) : IRequestHandler<ContactChainsQuery, IReadOnlyList<EscalationContact>>
{
    public async Task<IReadOnlyList<EscalationContact>> Handle(ContactChainsQuery request, CancellationToken cancellationToken) =>
        await db.Contacts.AsNoTracking().OrderBy(c => c.Region).ThenBy(c => c.Level).ThenBy(c => c.Id).ToListAsync(cancellationToken);
}

/// <summary>Adds a contact to a region's chain (no id) or changes one.</summary>
internal sealed record SaveContactCommand(long? Id, Region? Region, int? Level, ContactRole? Role, string? Name, string? Phone, string? Email, string? Hours) : IRequest<Unit>;

internal sealed class SaveContactValidator : AbstractValidator<SaveContactCommand>
{
    public SaveContactValidator(IStringLocalizer<EscalationResource> t, EscalationDbContext db)
    {
        RuleFor(c => c.Region).NotNull().IsInEnum().WithMessage(t["Choose a region from the list."]);
        RuleFor(c => c.Level).NotNull().InclusiveBetween(1, 20).WithMessage(t["The level is a number from 1 (called first) to 20."]);
        RuleFor(c => c.Role).NotNull().IsInEnum().WithMessage(t["Choose a role from the list."]);
        RuleFor(c => c.Name).NotEmpty().WithMessage(t["Enter the contact's name."]).MaximumLength(200).WithMessage(t["The name is limited to 200 characters."]);
        RuleFor(c => c.Phone).NotEmpty().WithMessage(t["Enter the contact's phone number."])
            .Matches(@"^\+?[0-9 ().\-]{6,30}$").WithMessage(t["The phone number may contain digits, spaces, + ( ) . and - only."]);
        RuleFor(c => c.Email).NotEmpty().WithMessage(t["Enter the contact's email address."])
            .EmailAddress().WithMessage(t["Enter a valid email address."]).MaximumLength(254);
        RuleFor(c => c.Hours).NotEmpty().WithMessage(t["Say when the contact can be reached, e.g. 24/7 or Mon–Fri 08:00–18:00 CET."])
            .MaximumLength(200).WithMessage(t["The hours are limited to 200 characters."]);
        RuleFor(c => c.Id).MustAsync((id, ct) => db.Contacts.AnyAsync(x => x.Id == id, ct)).When(c => c.Id is not null).WithMessage(t["This contact no longer exists."]);
        RuleFor(c => c).MustAsync((c, ct) => db.Contacts.AllAsync(x => x.Id == c.Id || x.Region != c.Region || x.Level != c.Level, ct))
            .When(c => c.Region is not null && c.Level is not null)
            .WithMessage(t["Another contact of this region already has this level."]);
    }
}

internal sealed class SaveContactHandler(EscalationDbContext db) : IRequestHandler<SaveContactCommand, Unit>
{
    public async Task<Unit> Handle(SaveContactCommand request, CancellationToken cancellationToken)
    {
        var (level, role, name, phone, email, hours) = (request.Level!.Value, request.Role!.Value, request.Name!.Trim(), request.Phone!.Trim(), request.Email!.Trim(), request.Hours!.Trim());
        if (request.Id is { } id)
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == id, cancellationToken);
            contact.MoveTo(request.Region!.Value);
            contact.Update(level, role, name, phone, email, hours);
        }
        else
        {
            db.Contacts.Add(new EscalationContact(request.Region!.Value, level, role, name, phone, email, hours));
        }

        return Unit.Value;
    }
}

/// <summary>Removes a contact from its chain.</summary>
internal sealed record DeleteContactCommand(long Id) : IRequest<bool>;

internal sealed class DeleteContactHandler(EscalationDbContext db) : IRequestHandler<DeleteContactCommand, bool>
{
    public async Task<bool> Handle(DeleteContactCommand request, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken);
        if (contact is null)
        {
            return false;
        }

        db.Contacts.Remove(contact);
        return true;
    }
}

/// <summary>The address each expert team receives hand-offs at.</summary>
internal sealed record ExpertTeamsQuery : IQuery<IReadOnlyList<ExpertTeamAddress>>;

internal sealed class ExpertTeamsQueryHandler(EscalationDbContext db) : IRequestHandler<ExpertTeamsQuery, IReadOnlyList<ExpertTeamAddress>>
{
    public async Task<IReadOnlyList<ExpertTeamAddress>> Handle(ExpertTeamsQuery request, CancellationToken cancellationToken) =>
        await db.ExpertTeams.AsNoTracking().OrderBy(t => t.Team).ToListAsync(cancellationToken);
}

/// <summary>Changes the expert teams' addresses.</summary>
internal sealed record SaveExpertTeamsCommand(IReadOnlyDictionary<ExpertTeam, string?> Addresses) : IRequest<Unit>;

internal sealed class SaveExpertTeamsValidator : AbstractValidator<SaveExpertTeamsCommand>
{
    public SaveExpertTeamsValidator(IStringLocalizer<EscalationResource> t)
    {
        RuleForEach(c => c.Addresses.Values).NotEmpty().WithMessage(t["Enter each team's email address."])
            .EmailAddress().WithMessage(t["Enter a valid email address."]).MaximumLength(254);
    }
}

internal sealed class SaveExpertTeamsHandler(EscalationDbContext db) : IRequestHandler<SaveExpertTeamsCommand, Unit>
{
    public async Task<Unit> Handle(SaveExpertTeamsCommand request, CancellationToken cancellationToken)
    {
        var teams = await db.ExpertTeams.ToListAsync(cancellationToken);
        foreach (var (team, address) in request.Addresses)
        {
            var row = teams.FirstOrDefault(t => t.Team == team);
            if (row is null)
            {
                db.ExpertTeams.Add(new ExpertTeamAddress(team, address!.Trim()));
            }
            else
            {
                row.Email = address!.Trim();
            }
        }

        return Unit.Value;
    }
}
