using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Escalation.Data;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;

namespace Support.Escalation;

/// <summary>Escalation contacts, customer escalation and reclassification requests, hand-offs to expert teams.</summary>
public sealed class EscalationModule : IModule
{
    public string Name => "Escalation";

    public string TablePrefix => EscalationDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<EscalationDbContext>(Name, TablePrefix);
}
