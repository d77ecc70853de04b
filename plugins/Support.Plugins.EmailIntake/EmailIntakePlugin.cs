using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.EmailIntake;

/// <summary>The email channel: polls an IMAP mailbox and turns its emails into tickets and replies.</summary>
public sealed class EmailIntakePlugin : IChannelPlugin
{
    public string Id => "EmailIntake";

    public string DisplayName => "Email intake";

    public string Description => "Polls an IMAP mailbox: a new email opens a ticket, a reply tagged [#number] joins that ticket's thread.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var settings = MailboxSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<MailboxStatus>();
        services.AddSingleton<IPluginSettingsContributor, MailboxSettingsContributor>();
        if (settings.IsConfigured)
        {
            services.AddSingleton<IChannelPoller, MailboxPoller>();
        }
    }
}
