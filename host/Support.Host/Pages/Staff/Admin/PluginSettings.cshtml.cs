using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Host.Plugins;
using Support.Plugins.Abstractions;

namespace Support.Host.Pages.Staff.Admin;

/// <summary>
/// An installed plugin's settings page: enable or disable it (at the next start) and edit the settings it declares,
/// checked by kind and by the plugin, saved in the data folder and applied at once unless the plugin reads them at
/// start-up only.
/// </summary>
internal sealed class PluginSettingsModel : PageModel
{
    private const int MaxValueLength = 1000;
    private readonly PluginCatalog _catalog;
    private readonly PluginSettingsStore _store;
    private readonly PluginFaults _faults;
    private readonly IConfiguration _configuration;
    private readonly IStringLocalizer<SharedResource> _t;

    public PluginSettingsModel(PluginCatalog catalog, PluginSettingsStore store, PluginFaults faults, IConfiguration configuration, IStringLocalizer<SharedResource> t)
    {
        _catalog = catalog;
        _store = store;
        _faults = faults;
        _configuration = configuration;
        _t = t;
    }

    public PluginRecord Plugin { get; private set; } = null!;

    /// <summary>The settings the plugin declares; empty when it declares none, is disabled, or failed to give them.</summary>
    public IReadOnlyList<PluginSetting> Settings { get; private set; } = [];

    [BindProperty]
    public bool Enabled { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Set when the plugin could not give its settings: the page offers the Enabled switch only.</summary>
    public string? SettingsUnavailable { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool IsSet(string key) => !string.IsNullOrEmpty(_configuration[$"Plugins:{Plugin.Id}:{key}"]);

    public IActionResult OnGet(string id)
    {
        if (!Find(id))
        {
            return NotFound();
        }

        Enabled = _configuration.GetValue($"Plugins:{Plugin.Id}:Enabled", defaultValue: true);
        Values = Settings.Where(s => s.Kind != PluginSettingKind.Secret).ToDictionary(s => s.Key, s => _configuration[$"Plugins:{Plugin.Id}:{s.Key}"]);
        return Page();
    }

    public IActionResult OnPost(string id)
    {
        if (!Find(id))
        {
            return NotFound();
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in Settings)
        {
            Values.TryGetValue(setting.Key, out var typed);
            var value = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
            var label = LocalisedText.Pick(setting.Label);
            if (setting.Kind == PluginSettingKind.Boolean)
            {
                value = value is "true" ? "true" : "false";
            }
            else if (value is null)
            {
                // An empty secret keeps the value already set; another empty setting falls back to the host's configuration.
                if (setting.Required && !(setting.Kind == PluginSettingKind.Secret && IsSet(setting.Key)))
                {
                    Errors[setting.Key] = _t["{0} is required.", label];
                }
            }
            else if (value.Length > MaxValueLength || value.Any(char.IsControl))
            {
                Errors[setting.Key] = _t["{0} is one line of at most {1} characters.", label, MaxValueLength];
            }
            else if (setting.Kind == PluginSettingKind.Number && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                Errors[setting.Key] = _t["{0} must be a whole number.", label];
            }

            values[setting.Key] = value;
        }

        if (Errors.Count == 0 && Settings.Count > 0)
        {
            var proposed = values.ToDictionary(
                v => v.Key,
                v => v.Value ?? (Settings.First(s => s.Key.Equals(v.Key, StringComparison.OrdinalIgnoreCase)).Kind == PluginSettingKind.Secret ? _configuration[$"Plugins:{Plugin.Id}:{v.Key}"] : null),
                StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var (key, error) in Contributor()!.Validate(proposed))
                {
                    Errors[key] = LocalisedText.Pick(error);
                }
            }
            catch (Exception exception)
            {
                _faults.Record(Plugin, PluginExtensionPoint.Settings, exception);
                Errors[""] = _t["The plugin could not check its settings (the error is shown on the plugins page); nothing was saved."];
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // An empty secret keeps what is stored; the other settings are written as typed.
        var saved = values.Where(v => v.Value is not null || Settings.First(s => s.Key.Equals(v.Key, StringComparison.OrdinalIgnoreCase)).Kind != PluginSettingKind.Secret)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        var wasEnabled = _configuration.GetValue($"Plugins:{Plugin.Id}:Enabled", defaultValue: true);
        var restartSettings = Settings.Where(s => s.AppliesAtRestart && saved.ContainsKey(s.Key) && saved[s.Key] != _configuration[$"Plugins:{Plugin.Id}:{s.Key}"]).ToList();
        saved["Enabled"] = Enabled ? "true" : "false";
        _store.Save(Plugin.Id!, saved);
        foreach (var poller in Plugin.Pollers)
        {
            // The settings are live: the plugin's pollers run now rather than after the interval they asked for before.
            poller.Wake();
        }

        var notice = _t["The settings are saved."].Value;
        if (Enabled != (Plugin.State == PluginState.Loaded) || Enabled != wasEnabled)
        {
            notice += " " + (Enabled ? _t["The plugin will be enabled at the next start of the host."] : _t["The plugin will be disabled at the next start of the host."]);
        }

        if (restartSettings.Count > 0)
        {
            notice += " " + _t["These settings take effect at the next start: {0}.", string.Join(", ", restartSettings.Select(s => LocalisedText.Pick(s.Label)))];
        }

        Notice = notice;
        return RedirectToPage(new { id = Plugin.Id });
    }

    private bool Find(string id)
    {
        var plugin = _catalog.All.FirstOrDefault(p => p.State != PluginState.Failed && string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (plugin is null)
        {
            return false;
        }

        Plugin = plugin;
        try
        {
            Settings = Contributor()?.Settings ?? [];
        }
        catch (Exception exception)
        {
            _faults.Record(Plugin, PluginExtensionPoint.Settings, exception);
            SettingsUnavailable = _t["The plugin could not give its settings (the error is shown on the plugins page); only enabling and disabling it is offered."];
            Settings = [];
        }

        return true;
    }

    private IPluginSettingsContributor? Contributor() =>
        Plugin.State == PluginState.Loaded && Plugin.Settings is { } registration
            ? (IPluginSettingsContributor)PluginCatalog.Construct(registration, HttpContext.RequestServices)
            : null;
}
