using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Workflows.Contracts;

namespace Support.Escalation.Workflow;

/// <summary>
/// At start-up, installs and publishes the default "Escalation" workflow (<c>Workflow/EscalationWorkflow.json</c>) if
/// the installation has no definition "escalation" yet; an admin's edited, retracted or reverted versions are left alone.
/// </summary>
internal sealed partial class EscalationWorkflowInstaller(IServiceScopeFactory scopes, IOptions<EscalationOptions> options, ILogger<EscalationWorkflowInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Workflow)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IRequestHandler<InstallWorkflowCommand, bool>>() is null)
        {
            NotInstalled(logger);
            return;
        }

        await using var stream = typeof(EscalationWorkflowInstaller).Assembly.GetManifestResourceStream("Support.Escalation.Workflow.EscalationWorkflow.json")
            ?? throw new InvalidOperationException("The escalation workflow is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new InstallWorkflowCommand(json), cancellationToken))
        {
            Installed(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The default escalation workflow was installed and published.")]
    private static partial void Installed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The default escalation workflow was not installed: the Workflows module is disabled, so escalations do not move up the contact chain by themselves.")]
    private static partial void NotInstalled(ILogger logger);
}
