using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Support.Kernel.Contracts;
using Support.Kernel.Messaging;

namespace Support.Kernel.Persistence;

/// <summary>
/// The base of every module's DbContext: the module's tables carry its prefix, and the outbox and
/// inbox tables that make its integration events reliable live beside them.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The table prefix, e.g. <c>ticketing</c>: tables are <c>ticketing_*</c>.</summary>
    public abstract string TablePrefix { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Records an integration event to be dispatched once the current changes commit.</summary>
    public void AddIntegrationEvent(IIntegrationEvent integrationEvent)
    {
        OutboxMessages.Add(OutboxMessage.From(integrationEvent));
        EventsAdded = true;
    }

    /// <summary>Whether events were added since the unit of work last committed this context.</summary>
    internal bool EventsAdded { get; set; }

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        OutboxMessage.Configure(modelBuilder.Entity<OutboxMessage>(), TablePrefix);
        InboxMessage.Configure(modelBuilder.Entity<InboxMessage>(), TablePrefix);
        OnModuleModelCreating(modelBuilder);
        ApplyTablePrefix(modelBuilder);
    }

    /// <summary>The module's own model; table names default to <c>prefix_snake_case_type</c>.</summary>
    protected virtual void OnModuleModelCreating(ModelBuilder modelBuilder)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTime as text without a kind; everything the product stores is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private void ApplyTablePrefix(ModelBuilder modelBuilder)
    {
        var prefix = TablePrefix + "_";
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null && !table.StartsWith(prefix, StringComparison.Ordinal))
            {
                entity.SetTableName(prefix + ToSnakeCase(entity.ClrType.Name));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
    {
        public UtcDateTimeConverter()
            : base(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
        {
        }
    }
}
