using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Incidents.Data;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;

namespace Support.Incidents;

/// <summary>Major incidents, post-mortems, RCA reports and the public status page.</summary>
public sealed class IncidentsModule : IModule
{
    public string Name => "Incidents";

    public string TablePrefix => IncidentsDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<IncidentsDbContext>(Name, TablePrefix);
}
