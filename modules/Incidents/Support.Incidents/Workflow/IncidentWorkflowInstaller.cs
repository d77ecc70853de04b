using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Workflows.Contracts;

namespace Support.Incidents.Workflow;

/// <summary>The module's settings (section <c>Incidents</c>).</summary>
internal sealed class IncidentsOptions
{
    public const string SectionName = "Incidents";

    /// <summary>Whether the default "Incident" workflow is installed at start-up (test hosts switch it off unless they need it).</summary>
    public bool IncidentWorkflow { get; set; } = true;

    /// <summary>The portal's public address for links in emails (confirmation, unsubscribe); the request's address when empty.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How many subscriptions to the status page one address (IP) may ask for per minute.</summary>
    public int SubscriptionsPerMinute { get; set; } = 5;

    /// <summary>How many RCA report requests one address (IP) may send per minute.</summary>
    public int RcaRequestsPerMinute { get; set; } = 5;

    /// <summary>How often the module looks for incident updates that are due and not sent, to remind the communications lead.</summary>
    public TimeSpan UpdateReminderInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// At start-up, installs and publishes the default "Incident" workflow (<c>Workflow/IncidentWorkflow.json</c>) if
/// the installation has no definition "incident" yet; an admin's edited, retracted or reverted versions are left alone.
/// </summary>
internal sealed partial class IncidentWorkflowInstaller(IServiceScopeFactory scopes, IOptions<IncidentsOptions> options, ILogger<IncidentWorkflowInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IncidentWorkflow)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IRequestHandler<InstallWorkflowCommand, bool>>() is null)
        {
            NotInstalled(logger);
            return;
        }

        await using var stream = typeof(IncidentWorkflowInstaller).Assembly.GetManifestResourceStream("Support.Incidents.Workflow.IncidentWorkflow.json")
            ?? throw new InvalidOperationException("The Incident workflow is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new InstallWorkflowCommand(json), cancellationToken))
        {
            Installed(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The default Incident workflow was installed and published.")]
    private static partial void Installed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The default Incident workflow was not installed: the Workflows module is disabled, so no notification reminder runs.")]
    private static partial void NotInstalled(ILogger logger);
}
