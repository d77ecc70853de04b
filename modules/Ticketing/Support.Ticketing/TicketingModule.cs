using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Ticketing.Data;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;

namespace Support.Ticketing;

/// <summary>Tickets from the portal and the agent console: the customer portal, queues, threads and replies.</summary>
public sealed class TicketingModule : IModule
{
    public string Name => "Ticketing";

    public string TablePrefix => TicketingDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<TicketingDbContext>(Name, TablePrefix);
}
