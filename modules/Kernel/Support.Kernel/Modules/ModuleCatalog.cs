using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Support.Kernel.Modules;

/// <summary>The modules the host ships, each with whether configuration enables it.</summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleEntry> _entries;

    public ModuleCatalog(IEnumerable<IModule> modules, IConfiguration configuration)
    {
        _entries = modules
            .Select(m => new ModuleEntry(m, configuration.GetValue($"Modules:{m.Name}:Enabled", defaultValue: true)))
            .ToList();
    }

    public IReadOnlyList<ModuleEntry> All => _entries;

    public IEnumerable<IModule> Enabled => _entries.Where(e => e.IsEnabled).Select(e => e.Module);

    /// <summary>The assemblies whose handlers, validators and pages are wired: every enabled module's.</summary>
    public IEnumerable<Assembly> EnabledAssemblies => Enabled.Select(m => m.GetType().Assembly);
}

/// <summary>A shipped module and whether it runs.</summary>
public sealed record ModuleEntry(IModule Module, bool IsEnabled);
