using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Support.Plugins.EmailIntake.Pages;

/// <summary>The mailbox the plugin polls, as configured (never the password), and what the poller has done since start-up.</summary>
[Authorize(Policy = "Admin")]
public sealed class MailboxSettingsModel : PageModel
{
    public MailboxSettingsModel(MailboxSettings settings, MailboxStatus status)
    {
        Settings = settings;
        Status = status;
    }

    public MailboxSettings Settings { get; }

    public MailboxStatus Status { get; }

    public void OnGet()
    {
    }
}
