using FluentValidation;
using MediatR;
using Support.Kernel.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Content;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Features.Companies;

/// <summary>The companies, by name, with their contract and how many tickets they have.</summary>
internal sealed record CompanyListQuery(string? Search) : IQuery<IReadOnlyList<CompanyRow>>;

internal sealed record CompanyRow(long Id, string Name, string? EmailDomain, bool HasMaintenanceContract, DateOnly? ContractEndsOn, bool ContractInForce, SupportRegion? Region, int Contacts);

internal sealed class CompanyListQueryHandler : IRequestHandler<CompanyListQuery, IReadOnlyList<CompanyRow>>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public CompanyListQueryHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<IReadOnlyList<CompanyRow>> Handle(CompanyListQuery request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var companies = _db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = Company.NormalizeName(request.Search);
            companies = companies.Where(c => c.NormalizedName.Contains(search));
        }

        var rows = await companies.OrderBy(c => c.NormalizedName).Take(500)
            .Select(c => new { Company = c, Contacts = _db.Contacts.Count(x => x.CompanyId == c.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CompanyRow(r.Company.Id, r.Company.Name, r.Company.EmailDomain, r.Company.HasMaintenanceContract, r.Company.ContractEndsOn, r.Company.ContractInForce(today), r.Company.Region, r.Contacts))];
    }
}

/// <summary>Creates a company (no id) or updates one: name, email domain, maintenance contract and its end, region (none: the default).</summary>
internal sealed record SaveCompanyCommand(long? Id, string? Name, string? EmailDomain, bool HasMaintenanceContract, DateOnly? ContractEndsOn, SupportRegion? Region) : IRequest<long>;

internal sealed class SaveCompanyValidator : AbstractValidator<SaveCompanyCommand>
{
    public SaveCompanyValidator(IStringLocalizer<TicketingResource> t, TicketingDbContext db)
    {
        RuleFor(c => c.Name).SingleLine(t, t["Company"], TicketLimits.Company, required: true);
        RuleFor(c => c)
            .MustAsync(async (c, ct) =>
            {
                var name = Company.NormalizeName(c.Name ?? "");
                return !await db.Companies.AnyAsync(x => x.NormalizedName == name && x.Id != c.Id, ct);
            })
            .WithMessage(t["Another company already has this name."])
            .OverridePropertyName(nameof(SaveCompanyCommand.Name));
        RuleFor(c => c.EmailDomain)
            .Must(d => string.IsNullOrWhiteSpace(d) || System.Text.RegularExpressions.Regex.IsMatch(d.Trim().TrimStart('@'), @"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"))
            .WithMessage(t["Enter a domain such as company.com."]);
        RuleFor(c => c.Region).IsInEnum().WithMessage(t["Choose a region from the list."]);
    }
}

internal sealed class SaveCompanyHandler : IRequestHandler<SaveCompanyCommand, long>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public SaveCompanyHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<long> Handle(SaveCompanyCommand request, CancellationToken cancellationToken)
    {
        Company? company;
        if (request.Id is { } id)
        {
            company = await _db.Companies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new KeyNotFoundException($"No company has the id {id}.");
            company.Rename(request.Name!);
        }
        else
        {
            company = new Company(request.Name!, _clock.GetUtcNow().UtcDateTime);
            _db.Companies.Add(company);
        }

        company.SetEmailDomain(request.EmailDomain);
        company.SetContract(request.HasMaintenanceContract, request.ContractEndsOn);
        company.SetRegion(request.Region);
        await _db.SaveChangesAsync(cancellationToken);
        return company.Id;
    }
}
