using System.Text.Json;

namespace Support.Host.Plugins;

/// <summary>
/// The plugin settings admins save on the settings pages, kept in <c>plugin-settings.json</c> in the data folder
/// and layered over the rest of the configuration (so they win over <c>appsettings.json</c> and environment
/// variables). Saving rewrites the file and reloads the configuration at once: a plugin that reads its section
/// when it needs a value sees the new one without a restart.
/// </summary>
internal sealed class PluginSettingsStore : ConfigurationProvider, IConfigurationSource
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    public PluginSettingsStore(string path) => FilePath = path;

    public string FilePath { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load() => Data = Read();

    /// <summary>The values saved for one plugin, by key (without the <c>Plugins:&lt;Id&gt;:</c> prefix).</summary>
    public IReadOnlyDictionary<string, string> Saved(string pluginId)
    {
        var prefix = $"Plugins:{pluginId}:";
        lock (_gate)
        {
            return Data.Where(p => p.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && p.Value is not null)
                .ToDictionary(p => p.Key[prefix.Length..], p => p.Value!, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Replaces one plugin's saved values (a null value removes the key), writes the file, and reloads.</summary>
    public void Save(string pluginId, IReadOnlyDictionary<string, string?> values)
    {
        lock (_gate)
        {
            var all = Read();
            foreach (var (key, value) in values)
            {
                var full = $"Plugins:{pluginId}:{key}";
                if (value is null)
                {
                    all.Remove(full);
                }
                else
                {
                    all[full] = value;
                }
            }

            var temporary = FilePath + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(temporary, JsonSerializer.Serialize(new SortedDictionary<string, string?>(all, StringComparer.OrdinalIgnoreCase), Indented));
            File.Move(temporary, FilePath, overwrite: true);
            Data = all;
        }

        OnReload();
    }

    private Dictionary<string, string?> Read()
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(FilePath)) ?? [];
        return new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
    }
}
