using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Support.Plugins.Abstractions;

/// <summary>
/// The entry point of an intake-channel plugin. The host finds the one public, parameterless
/// implementation in the plugin's main assembly, calls <see cref="ConfigureServices"/> at start-up,
/// and adds the assembly's Razor pages (staff pages live under <c>/Staff/Plugins/&lt;Id&gt;/</c>).
/// </summary>
public interface IChannelPlugin
{
    /// <summary>A stable identifier (letters and digits), used in configuration (<c>Plugins:&lt;Id&gt;</c>) and URLs.</summary>
    string Id { get; }

    /// <summary>The name admins see on the plugins page.</summary>
    string DisplayName { get; }

    /// <summary>One sentence on what the channel brings.</summary>
    string Description { get; }

    /// <summary>The lowest host version the plugin works with; the host refuses to load it on an older one.</summary>
    Version RequiredHostVersion { get; }

    /// <summary>Registers the plugin's services: field contributors, pollers, its own dependencies.</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);
}
