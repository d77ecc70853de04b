using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Support.Kernel.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build a module's DbContext without starting the host.</summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    protected abstract string TablePrefix { get; }

    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(
                PersistenceServiceCollectionExtensions.MigrationsHistoryTable(TablePrefix)))
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
