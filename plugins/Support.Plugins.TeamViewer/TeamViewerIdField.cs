using Support.Plugins.Abstractions;

namespace Support.Plugins.TeamViewer;

/// <summary>The "TeamViewer ID" field: nine or ten digits, spaces allowed while typing.</summary>
public sealed class TeamViewerIdField : ITicketFieldContributor
{
    public const string Key = "teamviewer-id";

    private static readonly IReadOnlyDictionary<string, string> InvalidMessage = new Dictionary<string, string>
    {
        ["fr"] = "L'ID TeamViewer compte 9 ou 10 chiffres.",
        ["en"] = "A TeamViewer ID has 9 or 10 digits.",
    };

    public IReadOnlyList<TicketField> Fields { get; } =
    [
        new(
            Key,
            new Dictionary<string, string> { ["fr"] = "ID TeamViewer", ["en"] = "TeamViewer ID" },
            new Dictionary<string, string>
            {
                ["fr"] = "Survolez l'icône TeamViewer dans la barre des tâches pour lire l'ID à neuf chiffres.",
                ["en"] = "Hover over the TeamViewer icon in the taskbar to read the nine-digit ID.",
            },
            TicketForm.PortalNewTicket | TicketForm.PortalReply | TicketForm.Staff,
            Required: false,
            InputMode: "numeric",
            MaxLength: 16),
    ];

    public FieldValidation Validate(string fieldKey, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FieldValidation.Valid(null);
        }

        var digits = value.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length is 9 or 10 && digits.All(char.IsAsciiDigit)
            ? FieldValidation.Valid(digits)
            : FieldValidation.Invalid(InvalidMessage);
    }

    public CapturedValueDisplay Display(string fieldKey, string value) =>
        new(
            Format(value),
            $"teamviewer10://control?device={Uri.EscapeDataString(value)}",
            new Dictionary<string, string> { ["fr"] = "Ouvrir dans TeamViewer", ["en"] = "Open in TeamViewer" });

    /// <summary>Groups the digits by three, as TeamViewer shows them: 123 456 789.</summary>
    public static string Format(string digits)
    {
        var groups = new List<string>();
        for (var i = 0; i < digits.Length; i += 3)
        {
            groups.Add(digits.Substring(i, Math.Min(3, digits.Length - i)));
        }

        return string.Join(' ', groups);
    }
}
