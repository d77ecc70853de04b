using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;

namespace Support.Plugins.NewerHostSample;

/// <summary>Needs host 99.0: the host must refuse it and say why, without running <see cref="ConfigureServices"/>.</summary>
public sealed class NewerHostSamplePlugin : IChannelPlugin
{
    public string Id => "NewerHostSample";

    public string DisplayName => "Newer host sample";

    public string Description => "Declares a host version no host has.";

    public Version RequiredHostVersion => new(99, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        throw new InvalidOperationException("A plugin refused for its host version is never configured.");
}
