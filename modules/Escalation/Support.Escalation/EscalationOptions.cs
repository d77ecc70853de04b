using Support.Escalation.Domain;

namespace Support.Escalation;

/// <summary>The module's settings (section <c>Escalation</c>).</summary>
internal sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>Installs and publishes the default "Escalation" workflow at start-up when no workflow <c>escalation</c> exists.</summary>
    public bool Workflow { get; set; } = true;

    /// <summary>The region whose contact chain a ticket's escalation calls.</summary>
    public Region DefaultRegion { get; set; } = Region.Europe;

    /// <summary>How long a contact's acknowledgement link works.</summary>
    public TimeSpan AcknowledgementLinkLifetime { get; set; } = TimeSpan.FromDays(2);
}
