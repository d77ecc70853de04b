using System.Globalization;
using System.Text;
using Support.Ticketing.Contracts;

namespace Support.Ticketing.Domain;

/// <summary>A customer company; without a maintenance contract in force, time spent is billable.</summary>
internal sealed class Company
{
    private Company()
    {
    }

    public Company(string name, DateTime createdAtUtc)
    {
        Rename(name);
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The name folded for matching: lower case, no accents, single spaces.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The company's email domain (e.g. <c>acme.fr</c>), used to match customers who type another name.</summary>
    public string? EmailDomain { get; private set; }

    public bool HasMaintenanceContract { get; private set; }

    public DateOnly? ContractEndsOn { get; private set; }

    /// <summary>The region the company is served from (its escalation contacts); null: the installation's default.</summary>
    public SupportRegion? Region { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public bool ContractInForce(DateOnly today) =>
        HasMaintenanceContract && (ContractEndsOn is null || ContractEndsOn.Value >= today);

    public void Rename(string name)
    {
        Name = name.Trim();
        NormalizedName = NormalizeName(name);
    }

    public void SetContract(bool hasContract, DateOnly? endsOn)
    {
        HasMaintenanceContract = hasContract;
        ContractEndsOn = hasContract ? endsOn : null;
    }

    public void SetRegion(SupportRegion? region) => Region = region;

    public void SetEmailDomain(string? domain) =>
        EmailDomain = string.IsNullOrWhiteSpace(domain) ? null : domain.Trim().TrimStart('@').ToLowerInvariant();

    public static string NormalizeName(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '-' or '.' or ',')
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}

/// <summary>A customer known by their email address, attached to a company.</summary>
internal sealed class Contact
{
    private Contact()
    {
    }

    public Contact(string email, string name, string phone, string? department, long companyId, DateTime createdAtUtc)
    {
        Email = email.Trim();
        NormalizedEmail = Normalize(email);
        Update(name, phone, department, companyId);
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Phone { get; private set; } = "";

    public string? Department { get; private set; }

    public long CompanyId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The details the customer typed last win: people change phones and departments.</summary>
    public void Update(string name, string phone, string? department, long companyId)
    {
        Name = name;
        Phone = phone;
        Department = department;
        CompanyId = companyId;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>A help topic customers choose on the portal (Mailbox, Printer, ...); admins edit the list.</summary>
internal sealed class HelpTopic
{
    private HelpTopic()
    {
    }

    public HelpTopic(string key, string nameFr, string nameEn, int sortOrder)
    {
        Key = key;
        NameFr = nameFr;
        NameEn = nameEn;
        SortOrder = sortOrder;
        Active = true;
    }

    public long Id { get; private set; }

    /// <summary>A stable key other modules use in conditions (e.g. SLA policies): <c>printer</c>.</summary>
    public string Key { get; private set; } = "";

    public string NameFr { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    /// <summary>Inactive topics are no longer offered; tickets keep theirs.</summary>
    public bool Active { get; private set; }

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? NameEn : NameFr;

    public void Update(string nameFr, string nameEn, int sortOrder, bool active)
    {
        NameFr = nameFr;
        NameEn = nameEn;
        SortOrder = sortOrder;
        Active = active;
    }
}
