using Microsoft.EntityFrameworkCore;
using Support.Kernel.Email;

namespace Support.Kernel.Persistence;

/// <summary>The Kernel's own tables: the email outbox.</summary>
public sealed class KernelDbContext : ModuleDbContext
{
    public const string Prefix = "kernel";

    public KernelDbContext(DbContextOptions<KernelDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;

    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder) =>
        EmailMessage.Configure(modelBuilder.Entity<EmailMessage>());
}

internal sealed class KernelDesignTimeDbContextFactory : DesignTimeDbContextFactory<KernelDbContext>
{
    protected override string TablePrefix => KernelDbContext.Prefix;
}
