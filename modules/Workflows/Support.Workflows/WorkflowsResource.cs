namespace Support.Workflows;

/// <summary>The marker of the module's texts (<c>Resources/WorkflowsResource.*.resx</c>); keys are the English wording.</summary>
internal sealed class WorkflowsResource;
