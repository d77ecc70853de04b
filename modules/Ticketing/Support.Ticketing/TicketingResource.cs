namespace Support.Ticketing;

/// <summary>The marker of the module's texts (<c>Resources/TicketingResource.*.resx</c>); keys are the English wording.</summary>
internal sealed class TicketingResource;
