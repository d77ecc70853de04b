namespace Support.Incidents;

/// <summary>The marker of the module's texts (<c>Resources/IncidentsResource.*.resx</c>); keys are the English wording.</summary>
internal sealed class IncidentsResource;
