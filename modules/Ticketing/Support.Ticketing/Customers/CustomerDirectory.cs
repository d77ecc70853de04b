using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Customers;

/// <summary>
/// Finds the company and contact behind a request: the company by its name (case, accents and
/// punctuation ignored), then by the email's domain; the contact by email. Unknown ones are created.
/// </summary>
internal sealed class CustomerDirectory
{
    private readonly TicketingDbContext _db;

    public CustomerDirectory(TicketingDbContext db) => _db = db;

    public async Task<(Contact Contact, Company Company)> MatchAsync(string companyName, string email, string name, string phone, string? department, DateTime now, CancellationToken cancellationToken)
    {
        var company = await FindCompanyAsync(companyName, email, cancellationToken);
        if (company is null)
        {
            company = new Company(companyName, now);
            _db.Companies.Add(company);
            // Saved now so that the contact and the ticket can refer to it in the same unit of work.
            await _db.SaveChangesAsync(cancellationToken);
        }

        var normalizedEmail = Contact.Normalize(email);
        var contact = await _db.Contacts.SingleOrDefaultAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);
        if (contact is null)
        {
            contact = new Contact(email, name, phone, department, company.Id, now);
            _db.Contacts.Add(contact);
            await _db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            contact.Update(name, phone, department, company.Id);
        }

        return (contact, company);
    }

    private async Task<Company?> FindCompanyAsync(string companyName, string email, CancellationToken cancellationToken)
    {
        var normalizedName = Company.NormalizeName(companyName);
        var byName = await _db.Companies.SingleOrDefaultAsync(c => c.NormalizedName == normalizedName, cancellationToken);
        if (byName is not null)
        {
            return byName;
        }

        var at = email.LastIndexOf('@');
        var domain = at >= 0 ? email[(at + 1)..].Trim().ToLowerInvariant() : "";
        return domain.Length == 0
            ? null
            : await _db.Companies.OrderBy(c => c.Id).FirstOrDefaultAsync(c => c.EmailDomain == domain, cancellationToken);
    }
}
