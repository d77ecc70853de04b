using Microsoft.EntityFrameworkCore;
using Support.Incidents.Domain;
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

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<AffectedCompany> AffectedCompanies => Set<AffectedCompany>();

    public DbSet<LinkedTicket> LinkedTickets => Set<LinkedTicket>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<IncidentNotification> Notifications => Set<IncidentNotification>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<ResolutionTask> Tasks => Set<ResolutionTask>();

    public DbSet<StatusUpdate> StatusUpdates => Set<StatusUpdate>();

    public DbSet<PostMortem> PostMortems => Set<PostMortem>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<StatusSubscription> Subscriptions => Set<StatusSubscription>();

    public DbSet<RcaRequest> RcaRequests => Set<RcaRequest>();

    public DbSet<NotificationTemplate> Templates => Set<NotificationTemplate>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Incident>(incident =>
        {
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Title).HasMaxLength(IncidentLimits.Title);
            incident.Property(i => i.Description).HasMaxLength(IncidentLimits.Text);
            incident.Property(i => i.Impact).HasMaxLength(IncidentLimits.Text);
            incident.Property(i => i.AffectedServices).HasMaxLength(IncidentLimits.Services);
            incident.Property(i => i.DeclaredBy).HasMaxLength(IncidentLimits.Name);
            incident.Property(i => i.DeclaredById).HasMaxLength(IncidentLimits.Name);
            incident.HasIndex(i => new { i.State, i.DeclaredAtUtc });
            incident.Ignore(i => i.Services);
            incident.Property(i => i.ScopeAssessment).HasMaxLength(IncidentLimits.Text);
        });
        modelBuilder.Entity<AffectedCompany>(company =>
        {
            company.HasKey(c => c.Id);
            company.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
            company.HasIndex(c => new { c.IncidentId, c.CompanyId }).IsUnique();
            company.Property(c => c.CompanyName).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<LinkedTicket>(ticket =>
        {
            ticket.HasKey(t => t.Id);
            ticket.HasOne<Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasIndex(t => new { t.IncidentId, t.TicketId }).IsUnique();
            ticket.HasIndex(t => t.Number);
            ticket.Property(t => t.Subject).HasMaxLength(IncidentLimits.Title);
            ticket.Property(t => t.CompanyName).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<TimelineEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
            entry.HasIndex(e => new { e.IncidentId, e.AtUtc });
            entry.Property(e => e.Detail).HasMaxLength(IncidentLimits.Text);
            entry.Property(e => e.Actor).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<IncidentNotification>(notification =>
        {
            notification.HasKey(n => n.Id);
            notification.HasOne<Incident>().WithMany().HasForeignKey(n => n.IncidentId).OnDelete(DeleteBehavior.Cascade);
            notification.HasIndex(n => new { n.IncidentId, n.SentAtUtc });
            notification.Property(n => n.Subject).HasMaxLength(IncidentLimits.Title);
            notification.Property(n => n.Body).HasMaxLength(IncidentLimits.Text);
            notification.Property(n => n.SentBy).HasMaxLength(IncidentLimits.Name);
            notification.HasMany(n => n.Recipients).WithOne().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TeamMember>(member =>
        {
            member.HasKey(m => m.Id);
            member.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => new { m.IncidentId, m.StaffId, m.Role }).IsUnique();
            member.Property(m => m.StaffId).HasMaxLength(IncidentLimits.Name);
            member.Property(m => m.Name).HasMaxLength(IncidentLimits.Name);
            member.Property(m => m.Email).HasMaxLength(IncidentLimits.Email);
        });
        modelBuilder.Entity<ResolutionTask>(task =>
        {
            task.HasKey(t => t.Id);
            task.HasOne<Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
            task.HasIndex(t => t.IncidentId);
            task.Property(t => t.Title).HasMaxLength(IncidentLimits.Title);
            task.Property(t => t.OwnerId).HasMaxLength(IncidentLimits.Name);
            task.Property(t => t.OwnerName).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<StatusUpdate>(update =>
        {
            update.HasKey(u => u.Id);
            update.HasOne<Incident>().WithMany().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
            update.HasIndex(u => new { u.IncidentId, u.PublishedAtUtc });
            update.HasIndex(u => u.PublishedAtUtc);
            update.Property(u => u.Message).HasMaxLength(IncidentLimits.Text);
        });
        modelBuilder.Entity<StatusSubscription>(subscription =>
        {
            subscription.HasKey(s => s.Id);
            subscription.HasIndex(s => s.NormalizedEmail).IsUnique();
            subscription.Property(s => s.Email).HasMaxLength(IncidentLimits.Email);
            subscription.Property(s => s.NormalizedEmail).HasMaxLength(IncidentLimits.Email);
        });
        modelBuilder.Entity<PostMortem>(review =>
        {
            review.HasKey(r => r.Id);
            review.HasOne<Incident>().WithOne().HasForeignKey<PostMortem>(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
            review.Property(r => r.Participants).HasMaxLength(IncidentLimits.Services);
            review.Property(r => r.WentWell).HasMaxLength(IncidentLimits.Text);
            review.Property(r => r.WentBadly).HasMaxLength(IncidentLimits.Text);
            review.Property(r => r.RootCauses).HasMaxLength(IncidentLimits.Text);
            review.Property(r => r.ContributingFactors).HasMaxLength(IncidentLimits.Text);
            review.Property(r => r.UpdatedBy).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<ActionItem>(item =>
        {
            item.HasKey(i => i.Id);
            item.HasOne<Incident>().WithMany().HasForeignKey(i => i.IncidentId).OnDelete(DeleteBehavior.Cascade);
            item.HasIndex(i => i.IncidentId);
            item.HasIndex(i => new { i.DoneAtUtc, i.DueOn });
            item.Property(i => i.Title).HasMaxLength(IncidentLimits.Title);
            item.Property(i => i.OwnerId).HasMaxLength(IncidentLimits.Name);
            item.Property(i => i.OwnerName).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<RcaRequest>(request =>
        {
            request.HasKey(r => r.Id);
            request.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
            request.HasIndex(r => new { r.IncidentId, r.RequestedAtUtc });
            request.HasIndex(r => new { r.IncidentId, r.NormalizedEmail });
            request.Property(r => r.Email).HasMaxLength(IncidentLimits.Email);
            request.Property(r => r.NormalizedEmail).HasMaxLength(IncidentLimits.Email);
            request.Property(r => r.TicketNumber).HasMaxLength(IncidentLimits.TicketNumber);
            request.Property(r => r.Message).HasMaxLength(IncidentLimits.Message);
            request.Property(r => r.Language).HasMaxLength(8);
            request.Property(r => r.CompanyName).HasMaxLength(IncidentLimits.Name);
            request.Property(r => r.DecidedBy).HasMaxLength(IncidentLimits.Name);
            request.Property(r => r.Reason).HasMaxLength(IncidentLimits.Message);
        });
        modelBuilder.Entity<NotificationTemplate>(template =>
        {
            template.HasKey(t => t.Id);
            template.HasIndex(t => new { t.Key, t.Language }).IsUnique();
            template.Property(t => t.Key).HasMaxLength(20);
            template.Property(t => t.Language).HasMaxLength(8);
            template.Property(t => t.Subject).HasMaxLength(IncidentLimits.Title);
            template.Property(t => t.Body).HasMaxLength(IncidentLimits.Text);
            template.Property(t => t.UpdatedBy).HasMaxLength(IncidentLimits.Name);
        });
        modelBuilder.Entity<NotificationRecipient>(recipient =>
        {
            recipient.HasKey(r => r.Id);
            recipient.Property(r => r.Email).HasMaxLength(IncidentLimits.Email);
            recipient.Property(r => r.Name).HasMaxLength(IncidentLimits.Name);
            recipient.Property(r => r.CompanyName).HasMaxLength(IncidentLimits.Name);
        });
    }
}

/// <summary>The longest texts the incident forms accept.</summary>
internal static class IncidentLimits
{
    public const int Title = 200;
    public const int Name = 200;
    public const int Email = 254;
    public const int Services = 2000;
    public const int Text = 20000;
    public const int TicketNumber = 20;
    public const int Message = 2000;
}

internal sealed class IncidentsDesignTimeDbContextFactory : DesignTimeDbContextFactory<IncidentsDbContext>
{
    protected override string TablePrefix => IncidentsDbContext.Prefix;
}
