using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Support.Kernel.Persistence;

/// <summary>Registers a module's DbContext on the shared SQLite file.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the scope's shared connection, with its own
    /// migrations-history table (<c>prefix_migrations_history</c>), enlisted in the scope's unit of work.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module, string tablePrefix)
        where TContext : DbContext
    {
        // Contexts come from a pool (ADR 0004): a request or handler does not pay for creating a context and
        // EF's internal services for every module it touches. The pool resets a returned context (tracked
        // entities, transaction, settings); the scope gives it its connection and enlists it in its unit of work.
        services.AddPooledDbContextFactory<TContext>(
            (provider, options) => options
                .UseSqlite(sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable(tablePrefix)))
                .AddInterceptors(provider.GetRequiredService<SqliteWriteGateInterceptor>(), provider.GetRequiredService<WriterStatementInterceptor>()));
        services.AddScoped(provider =>
        {
            // The unit of work and the connection are resolved first, so that the scope disposes (returns) the
            // context before them: a context never goes back to the pool after its unit of work is gone.
            var unitOfWork = provider.GetRequiredService<UnitOfWork>();
            var connection = provider.GetRequiredService<ScopedConnection>().Connection;
            var context = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Database.SetDbConnection(connection, contextOwnsConnection: false);
            unitOfWork.Enlist(context);
            return context;
        });
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        return services;
    }

    public static string MigrationsHistoryTable(string tablePrefix) => tablePrefix + "_migrations_history";
}
