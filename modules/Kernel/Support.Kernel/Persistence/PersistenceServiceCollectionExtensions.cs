using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // The options are built once: a context gets the scope's connection when it is created, so that no
        // request pays for building options (and EF's look-up of its internal services for them) per scope.
        services.AddDbContext<TContext>(
            (provider, options) => options
                .UseSqlite(sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable(tablePrefix)))
                .AddInterceptors(provider.GetRequiredService<SqliteWriteGateInterceptor>()),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        // The constructor is looked up once: ActivatorUtilities.CreateInstance would reflect over it for every context of every request.
        var create = ActivatorUtilities.CreateFactory<TContext>([typeof(DbContextOptions<TContext>)]);
        services.Replace(ServiceDescriptor.Scoped(provider =>
        {
            var context = create(provider, [provider.GetRequiredService<DbContextOptions<TContext>>()]);
            context.Database.SetDbConnection(provider.GetRequiredService<ScopedConnection>().Connection, contextOwnsConnection: false);
            provider.GetRequiredService<UnitOfWork>().Enlist(context);
            return context;
        }));
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        return services;
    }

    public static string MigrationsHistoryTable(string tablePrefix) => tablePrefix + "_migrations_history";
}
