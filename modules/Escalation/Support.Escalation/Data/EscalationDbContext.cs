using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

namespace Support.Escalation.Data;

/// <summary>The Escalation module's tables, all prefixed <c>escalation_</c>.</summary>
internal sealed class EscalationDbContext : ModuleDbContext
{
    public const string Prefix = "escalation";

    public EscalationDbContext(DbContextOptions<EscalationDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;
}

internal sealed class EscalationDesignTimeDbContextFactory : DesignTimeDbContextFactory<EscalationDbContext>
{
    protected override string TablePrefix => EscalationDbContext.Prefix;
}
