using Microsoft.EntityFrameworkCore;
using Support.Escalation.Domain;
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

    public DbSet<EscalationContact> Contacts => Set<EscalationContact>();

    public DbSet<ExpertTeamAddress> ExpertTeams => Set<ExpertTeamAddress>();

    public DbSet<TicketEscalation> Escalations => Set<TicketEscalation>();

    public DbSet<ContactCall> ContactCalls => Set<ContactCall>();

    public DbSet<ReclassificationRequest> Reclassifications => Set<ReclassificationRequest>();

    public DbSet<TeamHandOff> HandOffs => Set<TeamHandOff>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EscalationContact>(e =>
        {
            e.ToTable(Prefix + "_contact");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Phone).HasMaxLength(50);
            e.Property(c => c.Email).HasMaxLength(254);
            e.Property(c => c.Hours).HasMaxLength(200);
            e.HasIndex(c => new { c.Region, c.Level });
            e.HasData(DefaultContacts.Seed());
        });
        modelBuilder.Entity<ExpertTeamAddress>(e =>
        {
            e.ToTable(Prefix + "_expert_team");
            e.HasKey(t => t.Team);
            e.Property(t => t.Email).HasMaxLength(254);
            e.HasData(
                new { Team = ExpertTeam.Development, Email = "development@example.com" },
                new { Team = ExpertTeam.ItOperations, Email = "it.operations@example.com" },
                new { Team = ExpertTeam.Management, Email = "management@example.com" });
        });
        modelBuilder.Entity<TicketEscalation>(e =>
        {
            e.HasIndex(x => new { x.TicketId, x.Id });
            e.HasIndex(x => x.OpenedAtUtc);
        });
        modelBuilder.Entity<ContactCall>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.EscalationId, x.Id });
        });
        modelBuilder.Entity<ReclassificationRequest>(e => e.HasIndex(x => new { x.TicketId, x.Id }));
        modelBuilder.Entity<TeamHandOff>(e =>
        {
            e.HasIndex(x => new { x.TicketId, x.Id });
            e.HasIndex(x => x.AtUtc);
        });
    }
}

internal sealed class EscalationDesignTimeDbContextFactory : DesignTimeDbContextFactory<EscalationDbContext>
{
    protected override string TablePrefix => EscalationDbContext.Prefix;
}
