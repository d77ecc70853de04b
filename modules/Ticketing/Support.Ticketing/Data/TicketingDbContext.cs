using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

namespace Support.Ticketing.Data;

/// <summary>The Ticketing module's tables, all prefixed <c>ticketing_</c>.</summary>
internal sealed class TicketingDbContext : ModuleDbContext
{
    public const string Prefix = "ticketing";

    public TicketingDbContext(DbContextOptions<TicketingDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;
}

internal sealed class TicketingDesignTimeDbContextFactory : DesignTimeDbContextFactory<TicketingDbContext>
{
    protected override string TablePrefix => TicketingDbContext.Prefix;
}
