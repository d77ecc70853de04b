using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Support.Kernel.Persistence;

/// <summary>Brings every module's tables up to date at start-up, each from its own migrations.</summary>
public sealed partial class DatabaseMigrator
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<ModuleDatabase> _databases;
    private readonly SqliteDatabase _database;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, SqliteDatabase database, ILogger<DatabaseMigrator> logger)
    {
        _scopes = scopes;
        _databases = databases.ToList();
        _database = database;
        _logger = logger;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        _database.EnableWriteAheadLog();
        foreach (var module in _databases)
        {
            using var scope = _scopes.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            await context.Database.MigrateAsync(cancellationToken);
        }

        LogMigrated(_databases.Count, _database.FilePath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} module databases are up to date in {Path}")]
    private partial void LogMigrated(int count, string path);
}
