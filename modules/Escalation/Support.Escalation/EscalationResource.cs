namespace Support.Escalation;

/// <summary>The marker of the module's texts (<c>Resources/EscalationResource.*.resx</c>); keys are the English wording.</summary>
internal sealed class EscalationResource;
