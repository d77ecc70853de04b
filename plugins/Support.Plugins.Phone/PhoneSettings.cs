using System.Globalization;
using Microsoft.Extensions.Configuration;
using Support.Plugins.Abstractions;

namespace Support.Plugins.Phone;

/// <summary>The plugin's settings (<c>Plugins:Phone</c>), read from the live configuration each time.</summary>
public sealed class PhoneSettings
{
    public const string DefaultTimeZone = "Europe/Paris";

    private readonly IConfiguration _configuration;

    public PhoneSettings(IConfiguration configuration) => _configuration = configuration;

    /// <summary>The zone agents' clocks show: the call's start is typed in it.</summary>
    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(_configuration["TimeZone"] is { Length: > 0 } id ? id : DefaultTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Calls are recorded in blocks of this many minutes (1: the exact minutes, rounded up).</summary>
    public int BillingIncrement =>
        int.TryParse(_configuration["BillingIncrementMinutes"], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 60 ? minutes : 1;
}

/// <summary>The settings admins edit on the plugin's settings page; both apply at once.</summary>
internal sealed class PhoneSettingsContributor : IPluginSettingsContributor
{
    public IReadOnlyList<PluginSetting> Settings { get; } =
    [
        new(
            "TimeZone",
            new Dictionary<string, string> { ["fr"] = "Fuseau horaire", ["en"] = "Time zone" },
            new Dictionary<string, string>
            {
                ["fr"] = "Le fuseau des horloges des agents (identifiant IANA, par exemple Europe/Paris ou America/Montreal) : l'heure de début d'un appel est saisie dans ce fuseau. Par défaut Europe/Paris.",
                ["en"] = "The zone of the agents' clocks (an IANA id, for example Europe/Paris or America/Montreal): a call's start time is typed in it. Europe/Paris by default.",
            }),
        new(
            "BillingIncrementMinutes",
            new Dictionary<string, string> { ["fr"] = "Tranche de facturation (minutes)", ["en"] = "Billing increment (minutes)" },
            new Dictionary<string, string>
            {
                ["fr"] = "La durée d'un appel est arrondie à la tranche supérieure, de 1 à 60 minutes. 1 : la durée exacte en minutes.",
                ["en"] = "A call's duration is rounded up to a whole number of increments, from 1 to 60 minutes. 1: the exact minutes.",
            },
            PluginSettingKind.Number),
    ];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Validate(IReadOnlyDictionary<string, string?> values)
    {
        var errors = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (values.TryGetValue("TimeZone", out var zone) && !string.IsNullOrWhiteSpace(zone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out _))
        {
            errors["TimeZone"] = new Dictionary<string, string>
            {
                ["fr"] = $"« {zone.Trim()} » n'est pas un fuseau horaire connu ; utilisez un identifiant IANA comme Europe/Paris.",
                ["en"] = $"\"{zone.Trim()}\" is not a known time zone; use an IANA id such as Europe/Paris.",
            };
        }

        if (values.TryGetValue("BillingIncrementMinutes", out var increment) && !string.IsNullOrWhiteSpace(increment)
            && !(int.TryParse(increment, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 60))
        {
            errors["BillingIncrementMinutes"] = new Dictionary<string, string>
            {
                ["fr"] = "La tranche de facturation va de 1 à 60 minutes.",
                ["en"] = "The billing increment is from 1 to 60 minutes.",
            };
        }

        return errors;
    }
}
