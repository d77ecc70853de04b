using Microsoft.EntityFrameworkCore;
using Support.Kernel.Email;

namespace Support.Kernel.Persistence;

/// <summary>The Kernel's own tables: the email outbox and the files its messages carry.</summary>
public sealed class KernelDbContext : ModuleDbContext
{
    public const string Prefix = "kernel";

    public KernelDbContext(DbContextOptions<KernelDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;

    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();

    public DbSet<EmailAttachment> EmailAttachments => Set<EmailAttachment>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder)
    {
        EmailMessage.Configure(modelBuilder.Entity<EmailMessage>());
        EmailAttachment.Configure(modelBuilder.Entity<EmailAttachment>());
    }
}

internal sealed class KernelDesignTimeDbContextFactory : DesignTimeDbContextFactory<KernelDbContext>
{
    protected override string TablePrefix => KernelDbContext.Prefix;
}
