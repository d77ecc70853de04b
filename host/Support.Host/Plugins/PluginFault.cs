namespace Support.Host.Plugins;

/// <summary>Where a loaded plugin's code threw while the host was using it.</summary>
internal enum PluginExtensionPoint
{
    FieldDefinition,
    FieldValidation,
    FieldDisplay,
    Navigation,
    Page,
    Settings,
}

/// <summary>An exception a loaded plugin's code threw, caught by the host and shown on the admin plugins page.</summary>
internal sealed record PluginFault(DateTime AtUtc, PluginExtensionPoint Point, string Error);

/// <summary>How often one extension point of a plugin failed since start-up, and its latest failure.</summary>
internal sealed record PluginFaultSummary(PluginFault Latest, int Count);
