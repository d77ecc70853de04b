namespace Support.KnowledgeBase;

/// <summary>The marker of the module's texts (<c>Resources/KnowledgeBaseResource.*.resx</c>); keys are the English wording.</summary>
internal sealed class KnowledgeBaseResource;
