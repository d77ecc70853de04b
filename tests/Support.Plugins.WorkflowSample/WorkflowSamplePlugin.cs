using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;
using Support.Workflows.Contracts;

namespace Support.Plugins.WorkflowSample;

/// <summary>A plugin that adds workflow activities: a ticket label and one that always fails.</summary>
public sealed class WorkflowSamplePlugin : IChannelPlugin
{
    public string Id => "WorkflowSample";

    public string DisplayName => "Workflow sample";

    public string Description => "Adds the Ticket label and Always fail workflow activities, and one that cannot be constructed.";

    public Version RequiredHostVersion => new(1, 0);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IWorkflowActivity, TicketLabelActivity>();
        services.AddSingleton<IWorkflowActivity, AlwaysFailActivity>();
        services.AddSingleton<IWorkflowActivity, BrokenAtConstructionActivity>();
    }
}

/// <summary>Sets a variable to the ticket's label as mail subjects carry it: <c>[#983177] Printer on fire</c>.</summary>
internal sealed class TicketLabelActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "WorkflowSampleTicketLabel",
        "Workflow sample",
        "Ticket label",
        "Sets a variable to the ticket's number and subject as mail subjects show them.",
        [
            new InputDescriptor("Number", "Ticket number", "The ticket's number, for example event.number.", InputHint.JavaScript, Required: true),
            new InputDescriptor("Subject", "Subject", "The ticket's subject, for example event.subject.", InputHint.JavaScript, Required: true),
            new InputDescriptor("Variable", "Variable", "The variable that receives the label.", InputHint.Text, Required: true),
        ],
        ["Done"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"[#{context.GetText("Number")}] {context.GetText("Subject")}");
        context.SetVariable(context.GetText("Variable")!, label);
        return Task.FromResult(ActivityResult.Done());
    }
}

/// <summary>Cannot even be constructed: the host leaves it out and every other activity stays available.</summary>
internal sealed class BrokenAtConstructionActivity : IWorkflowActivity
{
    public BrokenAtConstructionActivity() => throw new InvalidOperationException("The sample activity cannot be constructed.");

    public ActivityDescriptor Descriptor => throw new InvalidOperationException("Never constructed.");

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Never constructed.");
}

/// <summary>Throws whenever it runs: how the engine treats a faulty plugin activity.</summary>
internal sealed class AlwaysFailActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "WorkflowSampleAlwaysFail",
        "Workflow sample",
        "Always fail",
        "Throws an exception, to show how a faulty activity is reported.",
        [new InputDescriptor("Message", "Message", "The exception's message.", InputHint.Text)],
        ["Done"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(context.GetText("Message") ?? "The sample activity failed.");
}
