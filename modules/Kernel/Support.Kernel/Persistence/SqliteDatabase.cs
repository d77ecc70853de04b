using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Support.Kernel.Persistence;

/// <summary>The one SQLite file every module's tables live in, with the connection settings the product needs.</summary>
public sealed class SqliteDatabase
{
    public SqliteDatabase(IOptions<DatabaseOptions> options, DataFolder dataFolder)
    {
        FilePath = dataFolder.Resolve(options.Value.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Switches the file to write-ahead logging; the journal mode is stored in the file, so once at start-up is enough.</summary>
    public void EnableWriteAheadLog()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
