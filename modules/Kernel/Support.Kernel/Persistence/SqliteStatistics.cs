using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Support.Kernel.Persistence;

/// <summary>
/// Keeps SQLite's query-planner statistics current (<c>PRAGMA optimize</c>, sampled with
/// <c>analysis_limit</c> so that it takes milliseconds even on millions of rows): shortly after
/// start-up, then every few hours. Without statistics the planner guesses, and picks for instance a
/// scan of every closed ticket over the few thousand rows a full-text search returned.
/// </summary>
internal sealed partial class SqliteStatistics : BackgroundService
{
    private static readonly TimeSpan FirstRun = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    private readonly SqliteDatabase _database;
    private readonly SqliteWriteGate _writeGate;
    private readonly TimeProvider _clock;
    private readonly ILogger<SqliteStatistics> _logger;

    public SqliteStatistics(SqliteDatabase database, SqliteWriteGate writeGate, TimeProvider clock, ILogger<SqliteStatistics> logger)
    {
        _database = database;
        _writeGate = writeGate;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Analyses the tables whose statistics are missing or stale; returns the time it took.</summary>
    public async Task<TimeSpan> RefreshAsync(CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new SqliteConnection(_database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // 0x10002: analyse every table that needs it, not only those this connection has queried.
            command.CommandText = "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }

        return _clock.GetElapsedTime(started);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRun;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _clock, stoppingToken);
                LogRefreshed(await RefreshAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogFailed(exception);
            }

            delay = Interval;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite statistics refreshed in {Elapsed}")]
    private partial void LogRefreshed(TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing SQLite's statistics failed; the next attempt is in a few hours")]
    private partial void LogFailed(Exception exception);
}
