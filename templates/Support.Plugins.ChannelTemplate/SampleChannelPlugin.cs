using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.ChannelTemplate;

/// <summary>
/// The plugin's entry point: the host creates it with its parameterless constructor, checks
/// <see cref="RequiredHostVersion"/>, then calls <see cref="ConfigureServices"/> with the section Plugins:SampleChannel.
/// </summary>
public sealed class SampleChannelPlugin : IChannelPlugin
{
    public string Id => "SampleChannel";

    public string DisplayName => "SampleChannel";

    public string Description => "Opens tickets from JSON files dropped in a folder.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // The section is live: values saved on the settings page are read at the next poll, without a restart.
        services.AddSingleton(new SampleChannelSettings(configuration));
        services.AddSingleton<SampleChannelStatus>();
        services.AddSingleton<IChannelPoller, DropFolderPoller>();
        services.AddSingleton<IPluginSettingsContributor, SampleChannelSettingsContributor>();
        services.AddSingleton<IStaffNavigationContributor, SampleChannelNavigation>();
    }
}

/// <summary>The menu entry of the staff page.</summary>
internal sealed class SampleChannelNavigation : IStaffNavigationContributor
{
    public IEnumerable<StaffNavigationItem> Items =>
    [
        new(new Dictionary<string, string> { ["fr"] = "SampleChannel", ["en"] = "SampleChannel" }, "/Staff/Plugins/SampleChannel"),
    ];
}
