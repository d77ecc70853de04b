using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Plugins.Abstractions;

namespace Support.Plugins.TeamViewer.Pages;

/// <summary>Agents type the customer's TeamViewer ID and get a link that opens the TeamViewer client on it.</summary>
public sealed class RemoteSessionModel : PageModel
{
    private static readonly Dictionary<string, string> MissingId = new()
    {
        ["fr"] = "Saisissez un ID TeamViewer.",
        ["en"] = "Enter a TeamViewer ID.",
    };

    private readonly TeamViewerIdField _field;

    public RemoteSessionModel(TeamViewerIdField field) => _field = field;

    public TicketField Field => _field.Fields[0];

    [BindProperty]
    public string? TeamViewerId { get; set; }

    public string? Error { get; private set; }

    public CapturedValueDisplay? Session { get; private set; }

    public void OnGet()
    {
    }

    public void OnPost()
    {
        if (string.IsNullOrWhiteSpace(TeamViewerId))
        {
            Error = LocalisedText.Pick(MissingId);
            return;
        }

        var result = _field.Validate(TeamViewerIdField.Key, TeamViewerId);
        if (!result.IsValid)
        {
            Error = LocalisedText.Pick(result.Error!);
            return;
        }

        Session = _field.Display(TeamViewerIdField.Key, result.NormalisedValue!);
    }
}
