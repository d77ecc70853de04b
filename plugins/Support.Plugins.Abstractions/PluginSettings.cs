namespace Support.Plugins.Abstractions;

/// <summary>How a setting is entered and checked on the admin settings page.</summary>
public enum PluginSettingKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>A check box, stored as <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A password or key: never shown back; leaving the box empty keeps the value stored.</summary>
    Secret,
}

/// <summary>A setting a plugin lets admins edit on its settings page.</summary>
/// <param name="Key">The configuration key under <c>Plugins:&lt;Id&gt;</c> (letters, digits, <c>-</c> and <c>_</c>).</param>
/// <param name="Label">The label by culture name.</param>
/// <param name="Hint">The help text by culture name.</param>
/// <param name="Kind">How it is entered.</param>
/// <param name="Required">Whether it must have a value.</param>
/// <param name="AppliesAtRestart">
/// The plugin reads it at start-up only (in <see cref="IChannelPlugin.ConfigureServices"/>), so a change takes effect at the
/// next start; the page says so. Otherwise the plugin reads it when it needs it (through its configuration section or
/// <c>IOptionsMonitor</c>) and a change takes effect at once.
/// </param>
public sealed record PluginSetting(
    string Key,
    IReadOnlyDictionary<string, string> Label,
    IReadOnlyDictionary<string, string> Hint,
    PluginSettingKind Kind = PluginSettingKind.Text,
    bool Required = false,
    bool AppliesAtRestart = false);

/// <summary>
/// Makes a plugin's settings editable on <c>/Staff/Admin/Plugins/Settings/&lt;Id&gt;</c>. The host shows the
/// settings, checks required values and kinds, then asks <see cref="Validate"/>; only a valid set is saved, in
/// the host's data folder, on top of <c>appsettings.json</c> and environment variables.
/// </summary>
public interface IPluginSettingsContributor
{
    IReadOnlyList<PluginSetting> Settings { get; }

    /// <summary>
    /// Checks the values as they would be saved (by key; an empty value means not set), for rules that span
    /// settings or need more than the kind: a host name, a range. Returns an error by setting key, by culture;
    /// an empty dictionary when the set is valid.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Validate(IReadOnlyDictionary<string, string?> values);
}
