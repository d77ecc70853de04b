using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;
using Support.Kernel.Web;
using Support.Workflows.Activities;
using Support.Workflows.Calendars;
using Support.Workflows.Contracts;
using Support.Workflows.Data;
using Support.Workflows.Definitions;
using Support.Workflows.Expressions;
using Support.Workflows.Features.Designer;
using Support.Workflows.Runtime;
using Support.Workflows.Timers;

namespace Support.Workflows;

/// <summary>The workflow engine behind the SLA and escalation processes, and its designer.</summary>
public sealed class WorkflowsModule : IModule
{
    /// <summary>The host's authorization policy for admins.</summary>
    private const string AdminPolicy = "Admin";

    private static readonly JsonSerializerOptions DescriptorJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Name => "Workflows";

    public string TablePrefix => WorkflowsDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WorkflowsDbContext>(Name, TablePrefix);
        services.Configure<ExpressionLimits>(configuration.GetSection(ExpressionLimits.SectionName));
        services.Configure<TimerOptions>(configuration.GetSection(TimerOptions.SectionName));
        services.AddSingleton<JavaScriptEvaluator>();
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<StoredCalendarCache>();
        services.AddScoped<IBusinessCalendars, BusinessCalendars>();
        services.AddScoped<DefinitionStore>();
        services.AddScoped<WorkflowRunner>();
        services.AddScoped<WorkflowRuntime>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<TimerScheduler>();
        services.AddHostedService<WorkflowTimerWorker>();

        // Every integration event reaches the engine; those registered as stimuli start and resume instances.
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(INotificationHandler<>), typeof(WorkflowStimulusHandler<>)));
        services.AddTicketStimuli();

        services.AddWorkflowActivity<StartActivity>();
        services.AddWorkflowActivity<EventActivity>();
        services.AddWorkflowActivity<WaitForEventActivity>();
        services.AddWorkflowActivity<DelayActivity>();
        services.AddWorkflowActivity<StartAtActivity>();
        services.AddWorkflowActivity<TimerActivity>();
        services.AddWorkflowActivity<DecisionActivity>();
        services.AddWorkflowActivity<SwitchActivity>();
        services.AddWorkflowActivity<ForkActivity>();
        services.AddWorkflowActivity<JoinActivity>();
        services.AddWorkflowActivity<SetVariableActivity>();
        services.AddWorkflowActivity<SendEmailActivity>();
        services.AddWorkflowActivity<FinishActivity>();

        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 40, "/Staff/Admin/Workflows", "Workflows", "Workflows"));
        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 41, "/Staff/Admin/Workflows/Instances", "Workflow instances", "Instances de workflow"));
        services.AddSingleton(new NavigationLink(NavigationArea.Admin, 42, "/Staff/Admin/Workflows/Calendars", "Business calendars", "Calendriers ouvrés"));
    }

    /// <summary>The activity descriptors, events and calendars as JSON (<see cref="ActivityCatalog"/>), from which the designer builds its palette and property panel.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/Staff/Admin/Workflows/activities.json", async (ActivityRegistry registry, IBusinessCalendars calendars, IStringLocalizer<WorkflowsResource> t, IStringLocalizerFactory localizers, CancellationToken cancellationToken) =>
            Results.Json(ActivityCatalog.Build(registry, await calendars.NamesAsync(cancellationToken), t, localizers), DescriptorJson))
            .RequireAuthorization(AdminPolicy);
}

/// <summary>Registers workflow activities.</summary>
internal static class WorkflowActivityRegistration
{
    /// <summary>
    /// Adds an activity type to the engine. Other modules, which may not reference this assembly, register
    /// theirs the same way: <c>services.AddSingleton&lt;IWorkflowActivity, MyActivity&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddWorkflowActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IWorkflowActivity =>
        services.AddSingleton<IWorkflowActivity, TActivity>();
}
