using System.Reflection;
using Support.Kernel.Modules;

namespace Support.ArchitectureTests;

/// <summary>The assemblies the rules are about, found from what the host ships rather than listed by hand.</summary>
internal static class Solution
{
    public static readonly string[] ModuleNames = ["Ticketing", "KnowledgeBase", "Incidents", "Escalation", "Workflows"];

    public static Assembly Kernel { get; } = typeof(IModule).Assembly;

    public static Assembly KernelContracts { get; } = typeof(Kernel.Contracts.IIntegrationEvent).Assembly;

    public static Assembly Host { get; } = typeof(Program).Assembly;

    public static Assembly PluginAbstractions { get; } = typeof(Plugins.Abstractions.IChannelPlugin).Assembly;

    public static Assembly WorkflowsContracts { get; } = typeof(Workflows.Contracts.IWorkflowActivity).Assembly;

    public static IReadOnlyList<Assembly> Modules { get; } = ModuleNames.Select(n => Assembly.Load("Support." + n)).ToList();

    public static IReadOnlyList<Assembly> Contracts { get; } = ModuleNames.Select(n => Assembly.Load($"Support.{n}.Contracts")).ToList();

    /// <summary>The plugins as the host loads them: every folder of the plugins directory, and the test-only plugins.</summary>
    public static IEnumerable<string> PluginAssemblyPaths() =>
        new[] { "plugins", "test-plugins" }
            .SelectMany(directory => Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, directory)))
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".dll"));

    public static string[] TypeNames(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.FullName is not null && !t.FullName.Contains('<', StringComparison.Ordinal)).Select(t => t.FullName!).ToArray();
}
