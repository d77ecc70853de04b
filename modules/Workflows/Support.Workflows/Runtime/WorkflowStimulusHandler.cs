using Support.Kernel.Contracts;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;
using Support.Workflows.Data;

namespace Support.Workflows.Runtime;

/// <summary>
/// Receives every integration event from the outbox (an open generic handler); those registered as workflow
/// stimuli start and resume instances. The inbox makes a redelivered event a no-op, so a stimulus resumes once.
/// When the outbox holds several events, <see cref="WorkflowStimulusBatchHandler"/> takes them together.
/// </summary>
[HandledInBatches(typeof(WorkflowStimulusBatchHandler))]
internal sealed class WorkflowStimulusHandler<TEvent> : IntegrationEventHandler<TEvent, WorkflowsDbContext>
    where TEvent : IIntegrationEvent
{
    private readonly WorkflowRuntime _runtime;
    private readonly UnitOfWork _unitOfWork;

    public WorkflowStimulusHandler(WorkflowsDbContext db, UnitOfWork unitOfWork, TimeProvider clock, WorkflowRuntime runtime)
        : base(db, unitOfWork, clock)
    {
        _runtime = runtime;
        _unitOfWork = unitOfWork;
    }

    /// <summary>
    /// Most events start nothing and resume nothing: those are dropped before any write, so that each ticket
    /// opened or answered does not cost the workflows an inbox row and a write transaction.
    /// </summary>
    protected override ValueTask<bool> IsRelevantAsync(TEvent integrationEvent, CancellationToken cancellationToken) =>
        _runtime.ListensToAsync(integrationEvent, cancellationToken);

    protected override async Task HandleOnceAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        // Read and write the instances under the write lock, so two deliveries cannot interleave.
        await _unitOfWork.BeginAsync(cancellationToken);
        await _runtime.DeliverEventAsync(integrationEvent, cancellationToken);
    }
}

/// <summary>
/// The workflows' work for a batch of the outbox's events in one write turn (a burst of new tickets starts an SLA
/// instance each): the same work as <see cref="WorkflowStimulusHandler{TEvent}"/>, event after event, in the order
/// they were raised. Each event's instances are saved before the next is delivered, so that an event that resumes
/// an instance an earlier one of the batch started finds its bookmark.
/// </summary>
internal sealed class WorkflowStimulusBatchHandler : IntegrationEventBatchHandler<WorkflowsDbContext>
{
    private readonly WorkflowRuntime _runtime;

    public WorkflowStimulusBatchHandler(WorkflowsDbContext db, UnitOfWork unitOfWork, TimeProvider clock, WorkflowRuntime runtime)
        : base(db, unitOfWork, clock) => _runtime = runtime;

    protected override ValueTask<bool> IsRelevantAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        _runtime.ListensToAsync(integrationEvent, cancellationToken);

    protected override Task HandleOnceAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        _runtime.DeliverEventAsync(integrationEvent, cancellationToken);
}
