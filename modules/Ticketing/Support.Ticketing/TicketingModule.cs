using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;
using Support.Kernel.Web;
using Support.Ticketing.Customers;
using Support.Ticketing.Data;
using Support.Ticketing.Features.CustomerTicket;
using Support.Ticketing.Features.OpenTicket;
using Support.Ticketing.Notifications;
using Support.Ticketing.Portal;
using Support.Ticketing.Settings;
using Support.Ticketing.Sla;
using Support.Workflows.Contracts;

namespace Support.Ticketing;

/// <summary>Tickets from the portal and the agent console: the customer portal, queues, threads and replies.</summary>
public sealed class TicketingModule : IModule
{
    /// <summary>The rate-limiter policy of the status look-up (which emails access links).</summary>
    public const string StatusLookupPolicy = "ticket-status-lookup";

    /// <summary>The host's authorization policy for any member of staff.</summary>
    private const string StaffPolicy = "Staff";

    public string Name => "Ticketing";

    public string TablePrefix => TicketingDbContext.Prefix;

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        Web.AttachmentDownloads.Map(endpoints, StaffPolicy);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TicketingDbContext>(Name, TablePrefix);
        services.Configure<TicketingOptions>(configuration.GetSection(TicketingOptions.SectionName));
        services.AddHttpContextAccessor();
        services.AddScoped<TicketingSettings>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<TicketNumbers>();
        services.AddSingleton<TicketNumberLength>();
        services.AddSingleton<HelpTopicCatalog>();
        services.AddSingleton<SlaPolicyCatalog>();
        services.AddScoped<SlaClocks>();
        services.AddScoped<SlaCalendars>();
        services.AddSingleton<IWorkflowActivity, ReadSlaClockActivity>();
        services.AddSingleton<IWorkflowActivity, MarkSlaAlertActivity>();
        services.AddSingleton<IWorkflowActivity, ComputeDueTimeActivity>();
        services.AddScoped<TicketMail>();
        services.AddScoped<TicketEvents>();
        services.AddScoped<PortalUrls>();
        services.AddScoped<Features.ModuleRequests.TicketSummaries>();
        services.AddScoped<Web.KnowledgeBaseArticles>();
        services.AddScoped<CustomerGrants>();
        services.AddSingleton<CustomerAccess>();
        // The SLA workflow first, so that the demo tickets start it.
        services.AddHostedService<SlaWorkflowInstaller>();
        services.AddHostedService<Features.DemoData.DemoTickets>();

        // Channel plugins open tickets and append messages through it (docs/plugins.md).
        services.AddSingleton<Support.Plugins.Abstractions.IIntakeService, Features.Intake.IntakeService>();
        services.AddSingleton<Support.Plugins.Abstractions.IAgentWorkService, Features.Intake.AgentWorkService>();

        var lookupsPerMinute = configuration.GetValue($"{TicketingOptions.SectionName}:{nameof(TicketingOptions.StatusLookupsPerMinute)}", 5);
        services.Configure<RateLimiterOptions>(options =>
            options.AddPolicy(StatusLookupPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = lookupsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("form")));

        services.AddSingleton(new NavigationLink(NavigationArea.Portal, 30, "/tickets/new", "Open a new ticket", "Ouvrir un nouveau ticket"));
        services.AddSingleton(new NavigationLink(NavigationArea.Portal, 40, "/tickets/status", "Check ticket status", "Vérifier le statut d'un ticket"));
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 10, "/Staff/Tickets", "Tickets", "Tickets"));
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 20, "/Staff/Companies", "Companies", "Sociétés"));
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 30, "/Staff/Reports/Time", "Time report", "Rapport de temps"));
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 31, "/Staff/Reports/Sla", "SLA report", "Rapport SLA"));
        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 10, "/Staff/Admin/Ticketing", "Help topics and teams", "Rubriques d'aide et équipes"));
        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 11, "/Staff/Admin/Sla", "SLA policies", "Politiques de SLA"));
    }
}
