using Microsoft.Extensions.Localization;
using Support.Escalation.Domain;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Web;

/// <summary>The module's enumerations as people read them, in the current language.</summary>
internal static class Labels
{
    public static string Region(IStringLocalizer t, Region region) => region switch
    {
        Domain.Region.NorthAmerica => t["North America"],
        _ => t["Europe"],
    };

    public static string Role(IStringLocalizer t, ContactRole role) => role switch
    {
        ContactRole.SupportDesk => t["Support desk"],
        ContactRole.CustomerServiceManager => t["Customer-service manager"],
        _ => t["Director"],
    };

    public static string Team(IStringLocalizer t, ExpertTeam team) => team switch
    {
        ExpertTeam.Development => t["Development"],
        ExpertTeam.ItOperations => t["IT Operations"],
        _ => t["Management"],
    };

    public static string Severity(IStringLocalizer t, TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => t["Critical"],
        TicketSeverity.Serious => t["Serious"],
        _ => t["Normal"],
    };

    public static string Source(IStringLocalizer t, EscalationSource source) => source switch
    {
        EscalationSource.SlaBreach => t["SLA breached"],
        _ => t["Customer request"],
    };

    public static string Status(IStringLocalizer t, EscalationStatus status) => status switch
    {
        EscalationStatus.Acknowledged => t["Acknowledged"],
        EscalationStatus.ChainExhausted => t["No contact acknowledged"],
        _ => t["Awaiting acknowledgement"],
    };

    public static string Decision(IStringLocalizer t, ReclassificationStatus status) => status switch
    {
        ReclassificationStatus.Accepted => t["Accepted"],
        ReclassificationStatus.Declined => t["Declined"],
        _ => t["Under review"],
    };

    /// <summary>French names for the emails and the audit trail, which are written once in both languages.</summary>
    public static string SeverityFr(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => "Critique",
        TicketSeverity.Serious => "Sérieuse",
        _ => "Normale",
    };

    public static string TeamFr(ExpertTeam team) => team switch
    {
        ExpertTeam.Development => "Développement",
        ExpertTeam.ItOperations => "Exploitation informatique",
        _ => "Direction",
    };

    public static string TeamEn(ExpertTeam team) => team switch
    {
        ExpertTeam.Development => "Development",
        ExpertTeam.ItOperations => "IT Operations",
        _ => "Management",
    };

    public static string RoleFr(ContactRole role) => role switch
    {
        ContactRole.SupportDesk => "centre de support",
        ContactRole.CustomerServiceManager => "responsable du service client",
        _ => "directeur",
    };

    public static string RoleEn(ContactRole role) => role switch
    {
        ContactRole.SupportDesk => "support desk",
        ContactRole.CustomerServiceManager => "customer-service manager",
        _ => "director",
    };
}
