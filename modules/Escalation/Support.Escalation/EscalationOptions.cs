using Support.Escalation.Domain;
using Support.Ticketing.Contracts;

namespace Support.Escalation;

/// <summary>The module's settings (section <c>Escalation</c>).</summary>
internal sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>Installs and publishes the default "Escalation" workflow at start-up when no workflow <c>escalation</c> exists.</summary>
    public bool Workflow { get; set; } = true;

    /// <summary>The region whose contact chain is called for a ticket whose company has no region.</summary>
    public Region DefaultRegion { get; set; } = Region.Europe;

    /// <summary>How long a contact's acknowledgement link works.</summary>
    public TimeSpan AcknowledgementLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The chain a ticket's escalation calls: its company's region, else the default one.</summary>
    public Region RegionOf(TicketSummary ticket) => ticket.CompanyRegion switch
    {
        SupportRegion.Europe => Region.Europe,
        SupportRegion.NorthAmerica => Region.NorthAmerica,
        _ => DefaultRegion,
    };
}
