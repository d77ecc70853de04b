using Support.Ticketing.Contracts;

namespace Support.Ticketing.Domain;

/// <summary>Which companies a policy applies to.</summary>
internal enum SlaContractCondition
{
    /// <summary>Every company.</summary>
    Any = 0,

    /// <summary>Companies whose maintenance contract is in force.</summary>
    WithContract = 1,

    /// <summary>Companies without a contract in force.</summary>
    WithoutContract = 2,
}

/// <summary>
/// The response and resolution targets of a severity, counted in a business calendar, with a warning threshold.
/// Conditions (company contract, help topic) narrow it; the most specific matching policy applies.
/// </summary>
internal sealed class SlaPolicy
{
    private SlaPolicy()
    {
    }

    public SlaPolicy(string name, TicketSeverity severity)
    {
        Name = name;
        Severity = severity;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public TicketSeverity Severity { get; set; }

    public SlaContractCondition Contract { get; set; }

    /// <summary>The help topic it is limited to, or null for every topic.</summary>
    public long? HelpTopicId { get; set; }

    /// <summary>From opening to the first public agent reply, in minutes of the calendar's working time.</summary>
    public int FirstResponseMinutes { get; set; }

    /// <summary>From a customer's reply to the next public agent reply.</summary>
    public int NextResponseMinutes { get; set; }

    /// <summary>From opening to closing.</summary>
    public int ResolutionMinutes { get; set; }

    /// <summary>The business calendar (Workflows) the targets are counted in.</summary>
    public string Calendar { get; set; } = "";

    /// <summary>A clock is "at risk" once this percentage of its target has elapsed.</summary>
    public int WarningPercent { get; set; } = 75;

    /// <summary>Whether the policy applies to a ticket of this severity, company contract and help topic.</summary>
    public bool Matches(TicketSeverity severity, bool contractInForce, long helpTopicId) =>
        Severity == severity
        && (Contract == SlaContractCondition.Any || (Contract == SlaContractCondition.WithContract) == contractInForce)
        && (HelpTopicId is null || HelpTopicId == helpTopicId);

    /// <summary>How narrow its conditions are: a policy for a help topic wins over one for a contract, which wins over none.</summary>
    public int Specificity => (HelpTopicId is null ? 0 : 2) + (Contract == SlaContractCondition.Any ? 0 : 1);

    /// <summary>The applicable policy among <paramref name="policies"/>: the most specific match, the oldest among equals.</summary>
    public static SlaPolicy? Choose(IEnumerable<SlaPolicy> policies, TicketSeverity severity, bool contractInForce, long helpTopicId) =>
        policies.Where(p => p.Matches(severity, contractInForce, helpTopicId)).OrderByDescending(p => p.Specificity).ThenBy(p => p.Id).FirstOrDefault();
}

/// <summary>The policies of a new installation, from PRODUCT.md's severity table; resolution targets are ours.</summary>
internal static class DefaultSlaPolicies
{
    public const string AlwaysOpen = "24/7";
    public const string SupportHours = "Support hours";

    public static readonly object[] All =
    [
        Policy(1, "Critique", TicketSeverity.Critical, 60, 60, 8 * 60, AlwaysOpen),
        Policy(2, "Sérieuse", TicketSeverity.Serious, 2 * 60, 2 * 60, 24 * 60, AlwaysOpen),
        Policy(3, "Normale", TicketSeverity.Normal, 4 * 60, 4 * 60, 40 * 60, SupportHours),
    ];

    private static object Policy(long id, string name, TicketSeverity severity, int first, int next, int resolution, string calendar) => new
    {
        Id = id,
        Name = name,
        Severity = severity,
        Contract = SlaContractCondition.Any,
        HelpTopicId = (long?)null,
        FirstResponseMinutes = first,
        NextResponseMinutes = next,
        ResolutionMinutes = resolution,
        Calendar = calendar,
        WarningPercent = 75,
    };
}

/// <summary>A span during which a ticket's clocks stood still: it was awaiting its customer, or closed.</summary>
internal sealed class SlaPause
{
    private SlaPause()
    {
    }

    public SlaPause(DateTime fromUtc) => FromUtc = fromUtc;

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public DateTime FromUtc { get; private set; }

    /// <summary>When the clocks ran again; null while the ticket is still not open.</summary>
    public DateTime? ToUtc { get; private set; }

    public void End(DateTime now) => ToUtc = now;
}
