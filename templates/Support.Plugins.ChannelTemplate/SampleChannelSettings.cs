using System.Globalization;
using Microsoft.Extensions.Configuration;
using Support.Plugins.Abstractions;

namespace Support.Plugins.ChannelTemplate;

/// <summary>The channel's settings, read from the live configuration section each time.</summary>
public sealed class SampleChannelSettings(IConfiguration configuration)
{
    /// <summary>The folder polled for <c>*.json</c> files; nothing is polled while it is not set.</summary>
    public string? DropFolder => configuration["DropFolder"] is { Length: > 0 } folder ? folder : null;

    /// <summary>The wait between polls.</summary>
    public TimeSpan Interval =>
        TimeSpan.FromSeconds(int.TryParse(configuration["PollSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600 ? seconds : 60);
}

/// <summary>Makes the settings editable on the host's plugin settings page, with labels, help and checks.</summary>
internal sealed class SampleChannelSettingsContributor : IPluginSettingsContributor
{
    public IReadOnlyList<PluginSetting> Settings { get; } =
    [
        new(
            "DropFolder",
            new Dictionary<string, string> { ["fr"] = "Dossier de dépôt", ["en"] = "Drop folder" },
            new Dictionary<string, string>
            {
                ["fr"] = "Chemin absolu du dossier relevé ; chaque fichier .json déposé ouvre un ticket.",
                ["en"] = "Absolute path of the folder polled; each .json file dropped there opens a ticket.",
            }),
        new(
            "PollSeconds",
            new Dictionary<string, string> { ["fr"] = "Intervalle de relève (secondes)", ["en"] = "Poll interval (seconds)" },
            new Dictionary<string, string> { ["fr"] = "De 1 à 3600 ; 60 par défaut.", ["en"] = "From 1 to 3600; 60 by default." },
            PluginSettingKind.Number),
    ];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Validate(IReadOnlyDictionary<string, string?> values)
    {
        var errors = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (values.TryGetValue("DropFolder", out var folder) && folder is { Length: > 0 } && (!Path.IsPathFullyQualified(folder) || !Directory.Exists(folder)))
        {
            errors["DropFolder"] = new Dictionary<string, string>
            {
                ["fr"] = "Indiquez le chemin absolu d'un dossier existant.",
                ["en"] = "Give the absolute path of an existing folder.",
            };
        }

        if (values.TryGetValue("PollSeconds", out var seconds) && seconds is { Length: > 0 }
            && !(int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 3600))
        {
            errors["PollSeconds"] = new Dictionary<string, string> { ["fr"] = "De 1 à 3600 secondes.", ["en"] = "From 1 to 3600 seconds." };
        }

        return errors;
    }
}
