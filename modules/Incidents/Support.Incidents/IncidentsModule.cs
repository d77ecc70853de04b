using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
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
    /// <summary>The rate-limiter policy of the status page's subscription form (which sends emails).</summary>
    public const string SubscribePolicy = "status-subscribe";

    /// <summary>The rate-limiter policy of the portal's RCA report request form (which sends emails).</summary>
    public const string RcaRequestPolicy = "rca-request";

    public string Name => "Incidents";

    public string TablePrefix => IncidentsDbContext.Prefix;

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        Features.StatusPage.AtomFeed.Map(endpoints);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IncidentsDbContext>(Name, TablePrefix);
        services.AddHttpContextAccessor();
        services.AddScoped<Features.StatusPage.StatusLinks>();
        var perMinute = configuration.GetValue($"{IncidentsOptions.SectionName}:{nameof(IncidentsOptions.SubscriptionsPerMinute)}", 5);
        var rcaPerMinute = configuration.GetValue($"{IncidentsOptions.SectionName}:{nameof(IncidentsOptions.RcaRequestsPerMinute)}", 5);
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(SubscribePolicy, context => PostsPerMinute(context, perMinute));
            options.AddPolicy(RcaRequestPolicy, context => PostsPerMinute(context, rcaPerMinute));
        });
        services.Configure<IncidentsOptions>(configuration.GetSection(IncidentsOptions.SectionName));
        services.AddSingleton<IWorkflowActivity, ReadNotificationDeadlinesActivity>();
        services.AddSingleton<IWorkflowActivity, RemindCommunicationsLeadActivity>();
        services.AddSingleton<IWorkflowActivity, FlagNotificationLateActivity>();
        services.AddSingleton(WorkflowStimulus.For<IncidentImpactDeterminedEvent>(
            "Incidents.ImpactDetermined",
            "Incident impact determined",
            e => e.IncidentId.ToString(CultureInfo.InvariantCulture),
            e => new Dictionary<string, object?> { ["incidentId"] = e.IncidentId, ["title"] = e.Title, ["companies"] = e.Companies, ["determinedAtUtc"] = e.OccurredAtUtc },
            "incidentId", "title", "companies", "determinedAtUtc").TranslatedBy(typeof(IncidentsResource)));
        services.AddHostedService<IncidentWorkflowInstaller>();
        services.AddHostedService<Features.Cadence.UpdateReminderWorker>();
        services.AddSingleton(new NavigationLink(NavigationArea.Portal, 50, "/status", "Service status", "État des services"));
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 40, "/Staff/Incidents", "Major incidents", "Incidents majeurs"));
        services.AddSingleton(new Support.Ticketing.Contracts.TicketAction(10, "/Staff/Incidents/Declare?ticket={number}", "Declare a major incident", "Déclarer un incident majeur"));
        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 40, "/Staff/Admin/Incidents/Templates", "Incident notification templates", "Modèles de notification des incidents"));
    }

    /// <summary>Posts of a form limited per client address and minute; reading the form is not limited.</summary>
    private static RateLimitPartition<string> PostsPerMinute(HttpContext context, int perMinute) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("form");
}
