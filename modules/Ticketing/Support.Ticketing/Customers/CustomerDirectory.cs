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
    // Compiled once: every ticket opened runs these (twice when the customer is new, once under the
    // write lock), and EF's query pipeline costs more than the indexed look-ups themselves.
    private static readonly Func<TicketingDbContext, string, Task<Contact?>> ContactByEmail =
        EF.CompileAsyncQuery((TicketingDbContext db, string normalizedEmail) => db.Contacts.SingleOrDefault(c => c.NormalizedEmail == normalizedEmail));

    private static readonly Func<TicketingDbContext, string, Task<Company?>> CompanyByName =
        EF.CompileAsyncQuery((TicketingDbContext db, string normalizedName) => db.Companies.SingleOrDefault(c => c.NormalizedName == normalizedName));

    private readonly TicketingDbContext _db;

    public CustomerDirectory(TicketingDbContext db) => _db = db;

    /// <summary>Looks the company and the contact up, without writing: it runs before the write transaction.</summary>
    public async Task<CustomerLookup> FindAsync(string companyName, string email, CancellationToken cancellationToken)
    {
        var company = await FindCompanyAsync(companyName, email, cancellationToken);
        var contact = await FindContactAsync(email, cancellationToken);
        return new CustomerLookup(company, contact);
    }

    /// <summary>
    /// Inside the caller's write transaction: creates what the look-up did not find (a company saved at
    /// once, as the contact refers to its id; a contact with the caller's next save) and brings a known contact's details up to date. What the
    /// look-up missed is looked up once more first, now that the write lock is held: another request
    /// may have created the same company or contact since (a customer's colleagues writing at the
    /// same time), and the lock makes that second answer final.
    /// </summary>
    public async Task<(Contact Contact, Company Company)> ResolveAsync(CustomerLookup lookup, string companyName, string email, string name, string phone, string? department, DateTime now, CancellationToken cancellationToken)
    {
        var company = lookup.Company ?? await FindCompanyAsync(companyName, email, cancellationToken);
        if (company is null)
        {
            company = new Company(companyName, now);
            _db.Companies.Add(company);
            await _db.SaveChangesAsync(cancellationToken);
        }

        var contact = lookup.Contact ?? await FindContactAsync(email, cancellationToken);
        if (contact is null)
        {
            // Inserted by the caller's next save, with the ticket that refers to it (see ReferTo).
            contact = new Contact(email, name, phone, department, company.Id, now);
            _db.Contacts.Add(contact);
        }
        else
        {
            contact.Update(name, phone, department, company.Id);
        }

        return (contact, company);
    }

    /// <summary>
    /// Points the new ticket at its contact. A contact created by <see cref="ResolveAsync"/> has no id
    /// until the save that inserts both: the ticket then refers to the contact's temporary key, which
    /// EF replaces by the generated one (one save under the write lock instead of two).
    /// </summary>
    public void ReferTo(Ticket ticket, Contact contact)
    {
        var key = _db.Entry(contact).Property(c => c.Id);
        if (key.IsTemporary)
        {
            _db.Entry(ticket).Property(t => t.ContactId).CurrentValue = key.CurrentValue;
        }
    }

    private Task<Contact?> FindContactAsync(string email, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ContactByEmail(_db, Contact.Normalize(email));
    }

    private async Task<Company?> FindCompanyAsync(string companyName, string email, CancellationToken cancellationToken)
    {
        var normalizedName = Company.NormalizeName(companyName);
        cancellationToken.ThrowIfCancellationRequested();
        var byName = await CompanyByName(_db, normalizedName);
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

/// <summary>The company and the contact a request names, when they are already known.</summary>
internal sealed record CustomerLookup(Company? Company, Contact? Contact);
