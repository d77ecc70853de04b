using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.Phone;

/// <summary>The phone channel: agents log the calls they take or make, which open tickets or join them, with their time.</summary>
public sealed class PhonePlugin : IChannelPlugin
{
    public string Id => "Phone";

    public string DisplayName => "Phone";

    public string Description => "Agents log phone calls: a call opens a ticket or joins one, its duration is recorded as time spent, and a Critical call starts the Critical SLA.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // Read when a call is logged, so that a change on the settings page applies at once.
        services.AddSingleton(new PhoneSettings(configuration));
        services.AddSingleton<IPluginSettingsContributor, PhoneSettingsContributor>();
        services.AddSingleton<IStaffNavigationContributor, PhoneNavigation>();
    }
}

internal sealed class PhoneNavigation : IStaffNavigationContributor
{
    public IEnumerable<StaffNavigationItem> Items =>
    [
        new(new Dictionary<string, string> { ["fr"] = "Appels", ["en"] = "Phone calls" }, "/Staff/Plugins/Phone"),
    ];
}
