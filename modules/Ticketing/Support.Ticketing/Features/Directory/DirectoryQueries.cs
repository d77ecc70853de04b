using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Features.Directory;

internal sealed class CompanyDirectoryQueryHandler(TicketingDbContext db) : IRequestHandler<CompanyDirectoryQuery, IReadOnlyList<CompanySummary>>
{
    public async Task<IReadOnlyList<CompanySummary>> Handle(CompanyDirectoryQuery request, CancellationToken cancellationToken) =>
        await db.Companies.AsNoTracking().OrderBy(c => c.NormalizedName).Select(c => new CompanySummary(c.Id, c.Name)).ToListAsync(cancellationToken);
}

internal sealed class CompanyContactsQueryHandler(TicketingDbContext db) : IRequestHandler<CompanyContactsQuery, IReadOnlyList<CompanyContact>>
{
    public async Task<IReadOnlyList<CompanyContact>> Handle(CompanyContactsQuery request, CancellationToken cancellationToken)
    {
        var ids = request.CompanyIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await (from contact in db.Contacts.AsNoTracking()
                      join company in db.Companies.AsNoTracking() on contact.CompanyId equals company.Id
                      where ids.Contains(contact.CompanyId)
                      orderby company.NormalizedName, contact.Name
                      select new CompanyContact(company.Id, company.Name, contact.Email, contact.Name))
            .ToListAsync(cancellationToken);
    }
}

internal sealed class ContactCompanyQueryHandler(TicketingDbContext db) : IRequestHandler<ContactCompanyQuery, CompanySummary?>
{
    public async Task<CompanySummary?> Handle(ContactCompanyQuery request, CancellationToken cancellationToken)
    {
        var email = Contact.Normalize(request.Email ?? "");
        return await (from contact in db.Contacts.AsNoTracking()
                      join company in db.Companies.AsNoTracking() on contact.CompanyId equals company.Id
                      where contact.NormalizedEmail == email
                      select new CompanySummary(company.Id, company.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

internal sealed class TicketDigestQueryHandler(TicketingDbContext db) : IRequestHandler<TicketDigestQuery, TicketDigest?>
{
    public async Task<TicketDigest?> Handle(TicketDigestQuery request, CancellationToken cancellationToken) =>
        await db.Tickets.AsNoTracking().Where(t => t.Number == request.Number)
            .Select(t => new TicketDigest(t.Id, t.Number, t.Subject, t.Status, t.Severity, t.CompanyId, t.CompanyName, t.CreatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
}
