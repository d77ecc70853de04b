using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Ticketing.Settings;
using Support.Workflows.Contracts;

namespace Support.Ticketing.Sla;

/// <summary>
/// At start-up, installs and publishes the default "SLA" workflow (<c>Sla/SlaWorkflow.json</c>) if the installation
/// has no definition "sla" yet; an admin's edited, retracted or reverted versions are left alone.
/// </summary>
internal sealed partial class SlaWorkflowInstaller(IServiceScopeFactory scopes, IOptions<TicketingOptions> options, ILogger<SlaWorkflowInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SlaWorkflow)
        {
            return;
        }

        await using var stream = typeof(SlaWorkflowInstaller).Assembly.GetManifestResourceStream("Support.Ticketing.Sla.SlaWorkflow.json")
            ?? throw new InvalidOperationException("The SLA workflow is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<SlaCalendars>().Available)
        {
            NotInstalled(logger);
            return;
        }

        if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new InstallWorkflowCommand(json), cancellationToken))
        {
            Installed(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The default SLA workflow was installed and published.")]
    private static partial void Installed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The default SLA workflow was not installed: the Workflows module is disabled, so no SLA clock runs.")]
    private static partial void NotInstalled(ILogger logger);
}
