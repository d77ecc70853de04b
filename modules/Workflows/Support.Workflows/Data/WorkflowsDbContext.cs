using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

namespace Support.Workflows.Data;

/// <summary>The Workflows module's tables, all prefixed <c>workflows_</c>.</summary>
internal sealed class WorkflowsDbContext : ModuleDbContext
{
    public const string Prefix = "workflows";

    public WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;
}

internal sealed class WorkflowsDesignTimeDbContextFactory : DesignTimeDbContextFactory<WorkflowsDbContext>
{
    protected override string TablePrefix => WorkflowsDbContext.Prefix;
}
