using Support.Kernel.Contracts;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;
using Support.Workflows.Data;
using Support.Workflows.Definitions;

namespace Support.Workflows.Runtime;

/// <summary>
/// Receives every integration event from the outbox (an open generic handler); those registered as workflow
/// stimuli start and resume instances. The inbox makes a redelivered event a no-op, so a stimulus resumes once.
/// </summary>
internal sealed class WorkflowStimulusHandler<TEvent> : IntegrationEventHandler<TEvent, WorkflowsDbContext>
    where TEvent : IIntegrationEvent
{
    private readonly ActivityRegistry _registry;
    private readonly WorkflowRuntime _runtime;
    private readonly UnitOfWork _unitOfWork;

    public WorkflowStimulusHandler(WorkflowsDbContext db, UnitOfWork unitOfWork, TimeProvider clock, ActivityRegistry registry, WorkflowRuntime runtime)
        : base(db, unitOfWork, clock)
    {
        _registry = registry;
        _runtime = runtime;
        _unitOfWork = unitOfWork;
    }

    /// <summary>
    /// Most events start nothing and resume nothing (no published definition is triggered by them, no
    /// instance waits for them on this ticket): those are dropped before any write, so that each
    /// ticket opened or answered does not cost the workflows an inbox row and a write transaction.
    /// </summary>
    protected override async ValueTask<bool> IsRelevantAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var stimulus in _registry.Stimuli.Where(s => s.EventType == typeof(TEvent)))
        {
            if (await _runtime.HasListenersAsync(stimulus.Name, stimulus.Correlation(integrationEvent), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    protected override async Task HandleOnceAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var stimulus in _registry.Stimuli.Where(s => s.EventType == typeof(TEvent)))
        {
            // Read and write the instances under the write lock, so two deliveries cannot interleave.
            await _unitOfWork.BeginAsync(cancellationToken);
            await _runtime.DeliverAsync(stimulus.Name, stimulus.Correlation(integrationEvent), stimulus.Payload(integrationEvent), cancellationToken);
        }
    }
}
