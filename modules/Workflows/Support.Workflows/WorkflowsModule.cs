using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Workflows.Data;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;

namespace Support.Workflows;

/// <summary>The workflow engine behind the SLA and escalation processes, and its designer.</summary>
public sealed class WorkflowsModule : IModule
{
    public string Name => "Workflows";

    public string TablePrefix => WorkflowsDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<WorkflowsDbContext>(Name, TablePrefix);
}
