using Microsoft.Extensions.Localization;
using Support.Ticketing.Contracts;

namespace Support.Ticketing.Web;

/// <summary>How the pages name statuses, priorities, severities and teams, in the visitor's language.</summary>
internal static class Labels
{
    public static string Status(IStringLocalizer t, TicketStatus status) => status switch
    {
        TicketStatus.Open => t["Open"],
        TicketStatus.AwaitingCustomer => t["Awaiting customer"],
        _ => t["Closed"],
    };

    public static string Priority(IStringLocalizer t, TicketPriority priority) => priority switch
    {
        TicketPriority.Low => t["Low"],
        TicketPriority.Normal => t["Normal"],
        TicketPriority.High => t["High"],
        _ => t["Emergency"],
    };

    public static string Severity(IStringLocalizer t, TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => t["Critical"],
        TicketSeverity.Serious => t["Serious"],
        _ => t["Normal"],
    };

    public static string Team(IStringLocalizer t, SupportTeam team) => team switch
    {
        SupportTeam.Development => t["Development"],
        SupportTeam.ItOperations => t["IT Operations"],
        SupportTeam.Management => t["Management"],
        _ => t["Support"],
    };

    public static string Region(IStringLocalizer t, SupportRegion region) => region switch
    {
        SupportRegion.NorthAmerica => t["North America"],
        _ => t["Europe"],
    };

    public static string StatusBadge(TicketStatus status) => status switch
    {
        TicketStatus.Open => "text-bg-primary",
        TicketStatus.AwaitingCustomer => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
