using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.TeamViewer;

/// <summary>The TeamViewer channel: the TeamViewer ID field and the agents' remote-session page.</summary>
public sealed class TeamViewerPlugin : IChannelPlugin
{
    public string Id => "TeamViewer";

    public string DisplayName => "TeamViewer";

    public string Description => "Captures the customer's TeamViewer ID with the ticket and opens a remote session for agents.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TeamViewerIdField>();
        services.AddSingleton<ITicketFieldContributor>(provider => provider.GetRequiredService<TeamViewerIdField>());
        services.AddSingleton<IStaffNavigationContributor, TeamViewerNavigation>();
    }
}

internal sealed class TeamViewerNavigation : IStaffNavigationContributor
{
    public IEnumerable<StaffNavigationItem> Items =>
    [
        new(new Dictionary<string, string> { ["fr"] = "TeamViewer", ["en"] = "TeamViewer" }, "/Staff/Plugins/TeamViewer"),
    ];
}
