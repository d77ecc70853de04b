using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Settings;

/// <summary>The module's configuration (<c>Ticketing:*</c>): what an operator sets in appsettings.</summary>
internal sealed class TicketingOptions
{
    public const string SectionName = "Ticketing";

    /// <summary>How long an emailed access link opens its ticket.</summary>
    public TimeSpan AccessLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Status look-ups (which send access links) allowed per client address per minute.</summary>
    public int StatusLookupsPerMinute { get; set; } = 5;

    /// <summary>The portal's public address for links in emails, e.g. <c>https://support.example.com</c>; the request's own address when empty.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Opens a few demo tickets on an empty installation (the development settings turn it on).</summary>
    public bool DemoData { get; set; }

    /// <summary>Installs and publishes the default "SLA" workflow at start-up when no definition "sla" exists yet.</summary>
    public bool SlaWorkflow { get; set; } = true;

    /// <summary>The phone number customers call for critical situations, shown on the portal.</summary>
    public string? SupportPhone { get; set; }
}

/// <summary>The settings admins change in the console (stored in <c>ticketing_settings</c>).</summary>
internal sealed class TicketingSettings
{
    private readonly TicketingDbContext _db;

    public TicketingSettings(TicketingDbContext db, IOptions<TicketingOptions> options)
    {
        _db = db;
        Options = options.Value;
    }

    public TicketingOptions Options { get; }

    /// <summary>Whether a customer's reply to a closed ticket reopens it (default yes).</summary>
    public async Task<bool> ReopenOnCustomerReplyAsync(CancellationToken cancellationToken) =>
        await ReadAsync(TicketingSetting.ReopenOnCustomerReply, cancellationToken) is not "false";

    public async Task SetReopenOnCustomerReplyAsync(bool value, CancellationToken cancellationToken)
    {
        var setting = await _db.Settings.FindAsync([TicketingSetting.ReopenOnCustomerReply], cancellationToken);
        var text = value ? "true" : "false";
        if (setting is null)
        {
            _db.Settings.Add(new TicketingSetting(TicketingSetting.ReopenOnCustomerReply, text));
        }
        else
        {
            setting.Value = text;
        }
    }

    private async Task<string?> ReadAsync(string key, CancellationToken cancellationToken) =>
        await _db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
}
