using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

namespace Support.Incidents.Data;

/// <summary>The Incidents module's tables, all prefixed <c>incidents_</c>.</summary>
internal sealed class IncidentsDbContext : ModuleDbContext
{
    public const string Prefix = "incidents";

    public IncidentsDbContext(DbContextOptions<IncidentsDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;
}

internal sealed class IncidentsDesignTimeDbContextFactory : DesignTimeDbContextFactory<IncidentsDbContext>
{
    protected override string TablePrefix => IncidentsDbContext.Prefix;
}
