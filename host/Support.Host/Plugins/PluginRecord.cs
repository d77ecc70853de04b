using System.Reflection;
using Support.Plugins.Abstractions;

namespace Support.Host.Plugins;

/// <summary>Where a plugin stands after start-up.</summary>
internal enum PluginState
{
    Loaded,
    Disabled,
    Failed,
}

/// <summary>One folder of the plugins directory and what became of it: shown on the admin plugins page.</summary>
internal sealed class PluginRecord
{
    private readonly List<PollerRecord> _pollers = [];

    public PluginRecord(string folder) => Folder = folder;

    public string Folder { get; }

    public string Name => Plugin?.DisplayName ?? Folder;

    public string? Id => Plugin?.Id;

    public string? Description => Plugin?.Description;

    public string? Version { get; private set; }

    public PluginState State { get; private set; } = PluginState.Failed;

    public string? Error { get; private set; }

    public IChannelPlugin? Plugin { get; private set; }

    public Assembly? Assembly { get; private set; }

    /// <summary>The plugin's background pollers and how their last polls went.</summary>
    public IReadOnlyList<PollerRecord> Pollers => _pollers;

    public void AddPoller(PollerRecord poller) => _pollers.Add(poller);

    public void MarkLoaded(IChannelPlugin plugin, Assembly assembly)
    {
        Plugin = plugin;
        Assembly = assembly;
        Version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString();
        State = PluginState.Loaded;
        Error = null;
    }

    public void MarkDisabled() => State = PluginState.Disabled;

    public void MarkFailed(string error)
    {
        State = PluginState.Failed;
        Error = error;
    }
}
