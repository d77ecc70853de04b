using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Support.Kernel.Persistence;

/// <summary>
/// One connection per scope, shared by every module DbContext created in it, so that a unit of work
/// can commit changes to several modules' tables (and the email outbox) in one transaction.
/// </summary>
public sealed class ScopedConnection : IDisposable, IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    public ScopedConnection(SqliteDatabase database)
    {
        _connection = new SqliteConnection(database.ConnectionString);
    }

    public DbConnection Connection => _connection;

    public void Dispose() => _connection.Dispose();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
