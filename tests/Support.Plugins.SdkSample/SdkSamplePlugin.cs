using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.SdkSample;

/// <summary>Exercises the SDK for the tests: a staff field, an admin-only page with its menu entry, settings, and failures.</summary>
public sealed class SdkSamplePlugin : IChannelPlugin
{
    public string Id => "SdkSample";

    public string DisplayName => "SDK sample";

    public string Description => "A staff-form field, an admin-only page, editable settings, and failures at each extension point on demand.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var failing = (configuration["Throw"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.AddSingleton(new SampleConfiguration(configuration, failing));
        services.AddSingleton<ITicketFieldContributor, AssetTagField>();
        services.AddSingleton<IStaffNavigationContributor, SampleNavigation>();
        services.AddSingleton<IPluginSettingsContributor, SampleSettings>();
        if (failing.Contains("field"))
        {
            services.AddSingleton<ITicketFieldContributor, BrokenField>();
        }

        if (failing.Contains("navigation"))
        {
            services.AddSingleton<IStaffNavigationContributor, BrokenNavigation>();
        }
    }
}

/// <summary>The plugin's live configuration and the extension points told to fail.</summary>
public sealed record SampleConfiguration(IConfiguration Configuration, IReadOnlyCollection<string> Failing);

/// <summary>An asset tag agents enter on the staff ticket form only.</summary>
internal sealed class AssetTagField : ITicketFieldContributor
{
    public IReadOnlyList<TicketField> Fields { get; } =
    [
        new(
            "sdksample-asset-tag",
            new Dictionary<string, string> { ["fr"] = "Étiquette d'inventaire", ["en"] = "Asset tag" },
            new Dictionary<string, string> { ["fr"] = "AT- suivi de 4 chiffres, sur l'étiquette sous le poste.", ["en"] = "AT- and 4 digits, on the label under the computer." },
            TicketForm.Staff,
            MaxLength: 12),
    ];

    public FieldValidation Validate(string fieldKey, string? value)
    {
        var tag = (value ?? "").Trim().ToUpperInvariant();
        return tag.Length == 7 && tag.StartsWith("AT-", StringComparison.Ordinal) && tag[3..].All(char.IsAsciiDigit)
            ? FieldValidation.Valid(tag)
            : FieldValidation.Invalid(new Dictionary<string, string> { ["fr"] = "Une étiquette s'écrit AT-1234.", ["en"] = "An asset tag reads AT-1234." });
    }

    public CapturedValueDisplay Display(string fieldKey, string value) => new(value, null, null);
}

/// <summary>A field whose plugin code throws whenever the host asks it anything but its definition.</summary>
internal sealed class BrokenField : ITicketFieldContributor
{
    public IReadOnlyList<TicketField> Fields { get; } =
    [
        new("sdksample-broken", new Dictionary<string, string> { ["en"] = "Broken field" }, new Dictionary<string, string> { ["en"] = "Its validation throws." }, TicketForm.Staff | TicketForm.PortalNewTicket),
    ];

    public FieldValidation Validate(string fieldKey, string? value) => throw new InvalidOperationException("The sample field's validation failed.");

    public CapturedValueDisplay Display(string fieldKey, string value) => throw new InvalidOperationException("The sample field's display failed.");
}

internal sealed class SampleNavigation : IStaffNavigationContributor
{
    public IEnumerable<StaffNavigationItem> Items =>
    [
        new(new Dictionary<string, string> { ["fr"] = "Réglages de l'exemple", ["en"] = "Sample settings" }, "/Staff/Plugins/SdkSample/Admin") { AdminOnly = true },
    ];
}

internal sealed class BrokenNavigation : IStaffNavigationContributor
{
    public IEnumerable<StaffNavigationItem> Items => throw new InvalidOperationException("The sample menu failed.");
}

/// <summary>A required greeting (read live by the admin page) and a start-up-only limit.</summary>
internal sealed class SampleSettings(SampleConfiguration sample) : IPluginSettingsContributor
{
    public IReadOnlyList<PluginSetting> Settings =>
        sample.Failing.Contains("settings")
            ? throw new InvalidOperationException("The sample settings failed.")
            :
            [
                new("Greeting", new Dictionary<string, string> { ["en"] = "Greeting" }, new Dictionary<string, string> { ["en"] = "Shown on the sample's admin page." }, Required: true),
                new("ApiKey", new Dictionary<string, string> { ["en"] = "API key" }, new Dictionary<string, string> { ["en"] = "Never shown back." }, PluginSettingKind.Secret),
                new("Limit", new Dictionary<string, string> { ["en"] = "Limit" }, new Dictionary<string, string> { ["en"] = "Read at start-up." }, PluginSettingKind.Number, AppliesAtRestart: true),
            ];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Validate(IReadOnlyDictionary<string, string?> values) =>
        values.TryGetValue("Greeting", out var greeting) && greeting?.Contains('<', StringComparison.Ordinal) == true
            ? new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Greeting"] = new Dictionary<string, string> { ["en"] = "A greeting has no markup." } }
            : new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
