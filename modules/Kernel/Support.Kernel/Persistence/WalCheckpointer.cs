using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Support.Kernel.Persistence;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own. SQLite does it by default
/// in the commit that makes the log pass 1,000 pages, so on the writers' connection while the write lock is
/// held: with a large file those pages are scattered, and every writer of the process waited for the copy
/// and its flush. The writers' connection leaves checkpoints to this worker (<c>wal_autocheckpoint=0</c>),
/// which copies what has been committed a few times a second without the lock (a passive checkpoint runs
/// beside writers). Under a steady stream of writes such a copy never quite catches up, and the log is
/// only started again from its beginning once it has: when the log passes <see cref="LockedCheckpointPages"/>
/// the worker copies the little that is left while holding the write lock, so that the log stays bounded.
/// </summary>
internal sealed partial class WalCheckpointer : BackgroundService
{
    /// <summary>Pages of log after which the last pages are copied under the write lock (32 MiB of 4 KiB pages).</summary>
    internal const int LockedCheckpointPages = 8192;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly SqliteDatabase _database;
    private readonly SqliteWriteGate _gate;
    private readonly WriteGroup _group;
    private readonly ILogger<WalCheckpointer> _logger;
    private long _checkpointedCommits = -1;

    public WalCheckpointer(SqliteDatabase database, SqliteWriteGate gate, WriteGroup group, ILogger<WalCheckpointer> logger)
    {
        _database = database;
        _gate = gate;
        _group = group;
        _logger = logger;
    }

    /// <summary>The group commits whose pages are all in the database file (for tests).</summary>
    internal long CheckpointedCommits => Interlocked.Read(ref _checkpointedCommits);

    /// <summary>Copies what the log holds to the database file; returns the log's pages and those now copied.</summary>
    internal static (int LogPages, int CopiedPages) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>One pass: a passive checkpoint if anything was committed since the last, then the locked one if the log is long.</summary>
    internal void RunPass(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var commits = _group.Commits;
        if (commits == _checkpointedCommits)
        {
            return;
        }

        var (logPages, copiedPages) = Checkpoint(connection);
        if (logPages >= LockedCheckpointPages && copiedPages < logPages)
        {
            _gate.WaitAsync(cancellationToken).GetAwaiter().GetResult();
            try
            {
                (logPages, copiedPages) = Checkpoint(connection);
            }
            finally
            {
                _gate.Release();
            }

            if (copiedPages < logPages)
            {
                LogBehind(logPages, copiedPages);
            }
        }

        if (copiedPages < logPages)
        {
            // Pages committed meanwhile, or readers still using older pages of the log: the next pass goes on.
            return;
        }

        Interlocked.Exchange(ref _checkpointedCommits, commits);
    }

    /// <summary>On a thread of its own: a checkpoint reads and writes the file and waits for the disk.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        while (!stoppingToken.WaitHandle.WaitOne(Interval))
        {
            try
            {
                RunPass(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next pass tries again; meanwhile the log only grows.
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write-ahead log checkpoint failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The write-ahead log holds {LogPages} pages, {CopiedPages} copied: readers still use the rest")]
    private partial void LogBehind(int logPages, int copiedPages);
}
