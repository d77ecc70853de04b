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
    private readonly Lock _faultsGate = new();
    private readonly Dictionary<PluginExtensionPoint, PluginFaultSummary> _faults = [];

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

    /// <summary>The plugin's <see cref="IPluginSettingsContributor"/> registration, constructed by the settings page.</summary>
    public ServiceDescriptor? Settings { get; set; }

    /// <summary>How many exceptions the plugin's code threw at the host since start-up.</summary>
    public int FaultCount
    {
        get
        {
            lock (_faultsGate)
            {
                return _faults.Values.Sum(f => f.Count);
            }
        }
    }

    /// <summary>For each extension point that failed, how often and the latest failure, in the order of the points.</summary>
    public IReadOnlyList<PluginFaultSummary> Faults
    {
        get
        {
            lock (_faultsGate)
            {
                return [.. _faults.Values.OrderBy(f => f.Latest.Point)];
            }
        }
    }

    public void RecordFault(PluginFault fault)
    {
        lock (_faultsGate)
        {
            _faults[fault.Point] = new PluginFaultSummary(fault, (_faults.TryGetValue(fault.Point, out var known) ? known.Count : 0) + 1);
        }
    }

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
