using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Data;

/// <summary>The Ticketing module's tables, all prefixed <c>ticketing_</c>.</summary>
internal sealed class TicketingDbContext : ModuleDbContext
{
    public const string Prefix = "ticketing";

    /// <summary>
    /// A saved change to the help topics or SLA policies empties their cache. The change is noticed as the
    /// change tracker sees it, so that saving a ticket does not scan every tracked entry. The handlers stay
    /// with the context when its pool lends it again.
    /// </summary>
    public TicketingDbContext(DbContextOptions<TicketingDbContext> options)
        : base(options)
    {
        var helpTopics = options.HostService<HelpTopicCatalog>();
        var slaPolicies = options.HostService<SlaPolicyCatalog>();
        if (helpTopics is null || slaPolicies is null)
        {
            return;
        }

        var topicsChanged = false;
        var policiesChanged = false;
        ChangeTracker.Tracked += (_, e) =>
        {
            topicsChanged |= e.Entry.Entity is HelpTopic && e.Entry.State is EntityState.Added;
            policiesChanged |= e.Entry.Entity is SlaPolicy && e.Entry.State is EntityState.Added;
        };
        ChangeTracker.StateChanged += (_, e) =>
        {
            topicsChanged |= e.Entry.Entity is HelpTopic && e.NewState is EntityState.Added or EntityState.Modified or EntityState.Deleted;
            policiesChanged |= e.Entry.Entity is SlaPolicy && e.NewState is EntityState.Added or EntityState.Modified or EntityState.Deleted;
        };
        SavedChanges += (_, _) =>
        {
            if (topicsChanged)
            {
                topicsChanged = false;
                helpTopics.Invalidate();
            }

            if (policiesChanged)
            {
                policiesChanged = false;
                slaPolicies.Invalidate();
            }
        };
    }

    public override string TablePrefix => Prefix;

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<ThreadEntry> ThreadEntries => Set<ThreadEntry>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<TicketChange> TicketChanges => Set<TicketChange>();

    public DbSet<TicketFieldValue> TicketFieldValues => Set<TicketFieldValue>();

    public DbSet<AccessLink> AccessLinks => Set<AccessLink>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<HelpTopic> HelpTopics => Set<HelpTopic>();

    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();

    public DbSet<TicketingSetting> Settings => Set<TicketingSetting>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<SlaPause> SlaPauses => Set<SlaPause>();

    public DbSet<IntakeReceipt> IntakeReceipts => Set<IntakeReceipt>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.HasKey(t => t.Id);
            ticket.HasIndex(t => t.Number).IsUnique();
            ticket.Property(t => t.Subject).HasMaxLength(TicketLimits.Subject);
            ticket.Property(t => t.CompanyName).HasMaxLength(TicketLimits.Company);
            ticket.Property(t => t.CustomerName).HasMaxLength(TicketLimits.Name);
            ticket.Property(t => t.CustomerEmail).HasMaxLength(TicketLimits.Email);
            ticket.Property(t => t.NormalizedCustomerEmail).HasMaxLength(TicketLimits.Email);
            ticket.Property(t => t.CustomerPhone).HasMaxLength(TicketLimits.Phone);
            ticket.Property(t => t.Department).HasMaxLength(TicketLimits.Department);
            ticket.Property(t => t.Channel).HasMaxLength(64);
            ticket.Property(t => t.Language).HasMaxLength(8);
            ticket.Property(t => t.AssignedAgentId).HasMaxLength(64);
            ticket.Property(t => t.AssignedAgentName).HasMaxLength(TicketLimits.Name);

            // The queues: each reads one index in order and stops after a page.
            ticket.HasIndex(t => new { t.Status, t.UpdatedAtUtc, t.Id });
            ticket.HasIndex(t => new { t.AssignedAgentId, t.Status, t.UpdatedAtUtc, t.Id });
            ticket.HasIndex(t => new { t.CriticalSituation, t.Status, t.UpdatedAtUtc, t.Id });
            ticket.HasIndex(t => new { t.Severity, t.Status, t.UpdatedAtUtc, t.Id });
            ticket.HasIndex(t => new { t.NormalizedCustomerEmail, t.Number });
            ticket.HasIndex(t => new { t.CompanyId, t.UpdatedAtUtc });
            ticket.HasIndex(t => new { t.Team, t.Status, t.UpdatedAtUtc, t.Id });
            ticket.HasIndex(t => new { t.Status, t.Priority, t.Id });

            // The "Breached" and "At risk" queues: running clocks by due time (null when none runs); the
            // second counts the "At risk" queue without reading every ticket whose clock is not yet at risk.
            ticket.HasIndex(t => new { t.SlaDueAtUtc, t.Id });
            ticket.HasIndex(t => new { t.SlaWarnAtUtc, t.SlaDueAtUtc });

            // The SLA report: the tickets opened in a range of months.
            ticket.HasIndex(t => t.CreatedAtUtc);
            ticket.Property(t => t.SlaPolicyName).HasMaxLength(100);

            ticket.HasMany(t => t.Thread).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasMany(t => t.Changes).WithOne().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasMany(t => t.Fields).WithOne().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasMany(t => t.SlaPauses).WithOne().HasForeignKey(p => p.TicketId).OnDelete(DeleteBehavior.Cascade);
            ticket.Navigation(t => t.SlaPauses).UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.Navigation(t => t.Thread).UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.Navigation(t => t.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.Navigation(t => t.Fields).UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.HasOne<HelpTopic>().WithMany().HasForeignKey(t => t.HelpTopicId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<Contact>().WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ThreadEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.TicketId, e.Id });
            entry.Property(e => e.AuthorName).HasMaxLength(TicketLimits.Name);
            entry.Property(e => e.AuthorStaffId).HasMaxLength(64);
            entry.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.ThreadEntryId).OnDelete(DeleteBehavior.Cascade);
            entry.Navigation(e => e.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<Attachment>(attachment =>
        {
            attachment.HasKey(a => a.Id);
            attachment.Property(a => a.FileName).HasMaxLength(255);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            attachment.Property(a => a.BlobKey).HasMaxLength(64);
        });

        modelBuilder.Entity<TicketChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.HasIndex(c => new { c.TicketId, c.Id });
            change.Property(c => c.Field).HasMaxLength(64);
        });

        modelBuilder.Entity<TicketFieldValue>(field =>
        {
            field.HasKey(f => f.Id);
            field.HasIndex(f => f.TicketId);
            field.Property(f => f.Key).HasMaxLength(100);
            field.Property(f => f.Value).HasMaxLength(1000);
        });

        modelBuilder.Entity<AccessLink>(link =>
        {
            link.HasKey(l => l.Id);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => l.TicketId);
            link.HasOne(l => l.Ticket).WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Company>(company =>
        {
            company.HasKey(c => c.Id);
            company.HasIndex(c => c.NormalizedName).IsUnique();
            company.HasIndex(c => c.EmailDomain);
            company.Property(c => c.Name).HasMaxLength(TicketLimits.Company);
            company.Property(c => c.NormalizedName).HasMaxLength(TicketLimits.Company);
            company.Property(c => c.EmailDomain).HasMaxLength(TicketLimits.Email);
        });

        modelBuilder.Entity<Contact>(contact =>
        {
            contact.HasKey(c => c.Id);
            contact.HasIndex(c => c.NormalizedEmail).IsUnique();
            contact.HasIndex(c => c.CompanyId);
            contact.Property(c => c.Email).HasMaxLength(TicketLimits.Email);
            contact.Property(c => c.NormalizedEmail).HasMaxLength(TicketLimits.Email);
            contact.Property(c => c.Name).HasMaxLength(TicketLimits.Name);
            contact.Property(c => c.Phone).HasMaxLength(TicketLimits.Phone);
            contact.Property(c => c.Department).HasMaxLength(TicketLimits.Department);
            contact.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<HelpTopic>(topic =>
        {
            topic.HasKey(t => t.Id);
            topic.HasIndex(t => t.Key).IsUnique();
            topic.Property(t => t.Key).HasMaxLength(64);
            topic.Property(t => t.NameFr).HasMaxLength(100);
            topic.Property(t => t.NameEn).HasMaxLength(100);
            topic.HasData(DefaultHelpTopics.All);
        });

        modelBuilder.Entity<TimeEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.TicketId);
            entry.HasIndex(e => new { e.WorkedOn, e.CompanyId });
            entry.Property(e => e.AgentId).HasMaxLength(64);
            entry.Property(e => e.AgentName).HasMaxLength(TicketLimits.Name);
            entry.Property(e => e.Note).HasMaxLength(1000);
            entry.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TeamMember>(member =>
        {
            member.HasKey(m => m.Id);
            member.HasIndex(m => new { m.Team, m.StaffId }).IsUnique();
            member.Property(m => m.StaffId).HasMaxLength(64);
        });

        modelBuilder.Entity<OnCallShift>(shift =>
        {
            shift.HasKey(s => s.Id);
            shift.HasIndex(s => new { s.EndsAtUtc, s.StartsAtUtc });
            shift.Property(s => s.StaffId).HasMaxLength(64);
        });

        modelBuilder.Entity<SlaPolicy>(policy =>
        {
            policy.HasKey(p => p.Id);
            policy.Property(p => p.Name).HasMaxLength(100);
            policy.Property(p => p.Calendar).HasMaxLength(100);
            policy.HasOne<HelpTopic>().WithMany().HasForeignKey(p => p.HelpTopicId).OnDelete(DeleteBehavior.Restrict);
            policy.HasData(DefaultSlaPolicies.All);
        });

        modelBuilder.Entity<SlaPause>(pause =>
        {
            pause.HasKey(p => p.Id);
            pause.HasIndex(p => p.TicketId);
        });

        modelBuilder.Entity<IntakeReceipt>(receipt =>
        {
            receipt.HasKey(r => r.Id);

            // One receipt per channel message: the unique index settles two hosts taking in the same message at once.
            receipt.HasIndex(r => new { r.Channel, r.ExternalId }).IsUnique();
            receipt.HasIndex(r => r.TicketId);
            receipt.Property(r => r.Channel).HasMaxLength(64);
            receipt.Property(r => r.ExternalId).HasMaxLength(IntakeReceipt.MaxExternalId);
            receipt.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TicketingSetting>(setting =>
        {
            setting.ToTable(Prefix + "_settings");
            setting.HasKey(s => s.Key);
            setting.Property(s => s.Key).HasMaxLength(100);
        });
    }
}

/// <summary>The longest values the forms accept; the columns are sized to match.</summary>
internal static class TicketLimits
{
    public const int Subject = 200;
    public const int Company = 120;
    public const int Name = 120;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Department = 120;

    /// <summary>The sanitised HTML of one message, images included.</summary>
    public const int BodyHtml = 3 * 1024 * 1024;
}

internal sealed class TicketingDesignTimeDbContextFactory : DesignTimeDbContextFactory<TicketingDbContext>
{
    protected override string TablePrefix => TicketingDbContext.Prefix;
}
