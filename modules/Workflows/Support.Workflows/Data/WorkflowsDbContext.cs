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

    public DbSet<WorkflowDefinitionVersion> Definitions => Set<WorkflowDefinitionVersion>();

    public DbSet<WorkflowTrigger> Triggers => Set<WorkflowTrigger>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<WorkflowBookmark> Bookmarks => Set<WorkflowBookmark>();

    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();

    public DbSet<WorkflowIncident> Incidents => Set<WorkflowIncident>();

    public DbSet<WorkflowJournalEntry> Journal => Set<WorkflowJournalEntry>();

    public DbSet<BusinessCalendarRecord> BusinessCalendars => Set<BusinessCalendarRecord>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder) => WorkflowModel.Configure(modelBuilder);
}

internal sealed class WorkflowsDesignTimeDbContextFactory : DesignTimeDbContextFactory<WorkflowsDbContext>
{
    protected override string TablePrefix => WorkflowsDbContext.Prefix;
}
