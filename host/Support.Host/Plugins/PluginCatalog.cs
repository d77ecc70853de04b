using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Support.Plugins.Abstractions;
using Support.Workflows.Contracts;

namespace Support.Host.Plugins;

/// <summary>
/// Loads every folder of the plugins directory in its own load context (sharing only Abstractions,
/// the workflow activity API and the ASP.NET Core framework with the host). A plugin that fails to load or to register its
/// services is recorded as failed and left out; it never stops the host.
/// </summary>
internal sealed class PluginCatalog
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IChannelPlugin),

        // A plugin's workflow activities implement the host's IWorkflowActivity, so the engine can use them.
        typeof(IWorkflowActivity),
        typeof(IServiceCollection),
        typeof(IConfiguration),
    ];

    private readonly List<PluginRecord> _records;

    private PluginCatalog(string directory, List<PluginRecord> records)
    {
        Directory = directory;
        _records = records;
    }

    public string Directory { get; }

    public IReadOnlyList<PluginRecord> All => _records;

    public IEnumerable<PluginRecord> Loaded => _records.Where(r => r.State == PluginState.Loaded);

    /// <summary>Loads the plugins under <c>Plugins:Path</c> (default <c>plugins</c>; a relative path is taken from the host's binaries).</summary>
    public static PluginCatalog Load(IConfiguration configuration, Version hostVersion)
    {
        var configured = configuration["Plugins:Path"];
        var directory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, string.IsNullOrWhiteSpace(configured) ? "plugins" : configured));
        var records = new List<PluginRecord>();
        if (System.IO.Directory.Exists(directory))
        {
            foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                records.Add(LoadOne(folder, configuration, hostVersion));
            }
        }

        return new PluginCatalog(directory, records);
    }

    private static PluginRecord LoadOne(string folder, IConfiguration configuration, Version hostVersion)
    {
        var record = new PluginRecord(Path.GetFileName(folder));
        try
        {
            var assemblyPath = Path.Combine(folder, record.Folder + ".dll");
            if (!File.Exists(assemblyPath))
            {
                record.MarkFailed($"The folder has no {record.Folder}.dll: a plugin's main assembly is named after its folder.");
                return record;
            }

            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
            var assembly = loader.LoadDefaultAssembly();
            var entryTypes = assembly.GetExportedTypes()
                .Where(t => typeof(IChannelPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (entryTypes.Count != 1)
            {
                record.MarkFailed($"The assembly must have exactly one public {nameof(IChannelPlugin)} implementation; it has {entryTypes.Count}.");
                return record;
            }

            var plugin = (IChannelPlugin)Activator.CreateInstance(entryTypes[0])!;
            if (plugin.RequiredHostVersion > hostVersion)
            {
                record.MarkFailed($"The plugin needs host version {plugin.RequiredHostVersion} or later; this host is {hostVersion}.");
                return record;
            }

            record.MarkLoaded(plugin, assembly);
            if (!configuration.GetValue($"Plugins:{plugin.Id}:Enabled", defaultValue: true))
            {
                record.MarkDisabled();
            }
        }
        catch (Exception exception)
        {
            record.MarkFailed(Describe(exception));
        }

        return record;
    }

    /// <summary>Lets each loaded plugin register its services; a plugin that throws is marked failed and adds nothing.</summary>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var record in Loaded.ToList())
        {
            var staged = new ServiceCollection();
            try
            {
                record.Plugin!.ConfigureServices(staged, configuration.GetSection($"Plugins:{record.Plugin.Id}"));
            }
            catch (Exception exception)
            {
                record.MarkFailed("ConfigureServices failed: " + Describe(exception));
                continue;
            }

            foreach (var descriptor in staged)
            {
                // Pollers are the runner's to construct and run, so that one that throws stays isolated.
                if (descriptor.ServiceType == typeof(IChannelPoller) && !descriptor.IsKeyedService)
                {
                    record.AddPoller(new PollerRecord(descriptor));
                    continue;
                }

                // The settings page constructs the contributor itself, so that one that throws is reported there.
                if (descriptor.ServiceType == typeof(IPluginSettingsContributor) && !descriptor.IsKeyedService)
                {
                    record.Settings = descriptor;
                    continue;
                }

                services.Add(descriptor.IsKeyedService ? descriptor : descriptor.ServiceType switch
                {
                    var type when type == typeof(IWorkflowActivity) => Isolated(descriptor, record.Folder),
                    var type when type == typeof(ITicketFieldContributor) => Guarded(descriptor, provider =>
                        new GuardedFieldContributor(() => (ITicketFieldContributor)Construct(descriptor, provider), record, provider.GetRequiredService<PluginFaults>())),
                    var type when type == typeof(IStaffNavigationContributor) => Guarded(descriptor, provider =>
                        new GuardedNavigation(() => (IStaffNavigationContributor)Construct(descriptor, provider), record, provider.GetRequiredService<PluginFaults>())),
                    _ => descriptor,
                });
            }
        }

        services.AddSingleton<PluginFaults>();
    }

    /// <summary>Lets only admins reach a plugin's pages under <c>/Staff/Plugins/&lt;Id&gt;/Admin/</c>.</summary>
    public void AuthorizeAdminPages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions, string adminPolicy)
    {
        foreach (var record in Loaded)
        {
            conventions.AuthorizeFolder($"/Staff/Plugins/{record.Id}/Admin", adminPolicy);
        }
    }

    /// <summary>Constructs a plugin's registration as the container would.</summary>
    internal static object Construct(ServiceDescriptor descriptor, IServiceProvider provider) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

    /// <summary>A plugin's contributor behind the host's guard, with the lifetime the plugin gave it.</summary>
    private static ServiceDescriptor Guarded(ServiceDescriptor descriptor, Func<IServiceProvider, object> guard) =>
        ServiceDescriptor.Describe(descriptor.ServiceType, guard, descriptor.Lifetime);

    /// <summary>
    /// A plugin's workflow activity whose constructor throws must not make the engine's whole list of activities
    /// unavailable: it is replaced by a stand-in whose descriptor reports the failure, which the activity registry
    /// logs and leaves out.
    /// </summary>
    private static ServiceDescriptor Isolated(ServiceDescriptor descriptor, string plugin) =>
        ServiceDescriptor.Describe(
            typeof(IWorkflowActivity),
            provider =>
            {
                try
                {
                    return Construct(descriptor, provider);
                }
                catch (Exception exception)
                {
                    return new UnconstructedActivity(plugin, descriptor.ImplementationType?.FullName ?? "an activity factory", exception);
                }
            },
            descriptor.Lifetime);

    private sealed class UnconstructedActivity(string plugin, string type, Exception failure) : IWorkflowActivity
    {
        public ActivityDescriptor Descriptor =>
            throw new InvalidOperationException($"The plugin in folder {plugin} could not construct {type}: {Describe(failure)}", failure);

        public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The plugin in folder {plugin} could not construct {type}.", failure);
    }

    /// <summary>Adds the loaded plugins' pages and compiled Razor views to MVC.</summary>
    public void AddApplicationParts(ApplicationPartManager partManager)
    {
        foreach (var record in Loaded)
        {
            partManager.ApplicationParts.Add(new AssemblyPart(record.Assembly!));
            partManager.ApplicationParts.Add(new CompiledRazorAssemblyPart(record.Assembly!));
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        ReflectionTypeLoadException typeLoad => string.Join("; ", typeLoad.LoaderExceptions.Select(e => e?.Message).Distinct()),
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
