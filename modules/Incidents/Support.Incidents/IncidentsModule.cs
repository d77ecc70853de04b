using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Incidents.Contracts;
using Support.Incidents.Data;
using Support.Incidents.Workflow;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;
using Support.Kernel.Web;
using Support.Workflows.Contracts;

namespace Support.Incidents;

/// <summary>Major incidents, post-mortems, RCA reports and the public status page.</summary>
public sealed class IncidentsModule : IModule
{
    public string Name => "Incidents";

    public string TablePrefix => IncidentsDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IncidentsDbContext>(Name, TablePrefix);
        services.Configure<IncidentsOptions>(configuration.GetSection(IncidentsOptions.SectionName));
        services.AddSingleton<IWorkflowActivity, ReadNotificationDeadlinesActivity>();
        services.AddSingleton<IWorkflowActivity, RemindCommunicationsLeadActivity>();
        services.AddSingleton<IWorkflowActivity, FlagNotificationLateActivity>();
        services.AddSingleton(WorkflowStimulus.For<IncidentImpactDeterminedEvent>(
            "Incidents.ImpactDetermined",
            "Incident impact determined",
            e => e.IncidentId.ToString(CultureInfo.InvariantCulture),
            e => new Dictionary<string, object?> { ["incidentId"] = e.IncidentId, ["title"] = e.Title, ["companies"] = e.Companies, ["determinedAtUtc"] = e.OccurredAtUtc },
            "incidentId", "title", "companies", "determinedAtUtc"));
        services.AddHostedService<IncidentWorkflowInstaller>();
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 40, "/Staff/Incidents", "Major incidents", "Incidents majeurs"));
    }
}
