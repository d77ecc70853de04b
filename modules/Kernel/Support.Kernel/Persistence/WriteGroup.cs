using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Support.Kernel.Persistence;

/// <summary>
/// Group commit for units of work. Every commit of SQLite writes the log and waits for the disk
/// (<c>synchronous=FULL</c>, so that what a user was told is saved survives a power cut); under load
/// that wait, not the work, is most of the time a writer holds the write lock. Units of work that
/// begin a transaction therefore take turns on one shared connection inside one open transaction,
/// each in its own savepoint: a unit that fails rolls back to its savepoint and leaves the others'
/// work alone. When a unit finishes and the next writer in the queue is a unit of work too, it is
/// handed the open transaction; otherwise (no one waits, another kind of writer waits, or
/// <see cref="MaxUnits"/> units are in) the transaction is committed and every unit in it learns
/// the outcome together. Nothing is acknowledged before its commit: a unit waits for the group's.
/// Alone, a unit commits at once, as before; the groups grow only while writers queue.
/// </summary>
public sealed class WriteGroup : IDisposable
{
    /// <summary>Units of work committed together at most, which bounds how long the first one waits.</summary>
    public const int MaxUnits = 32;

    /// <summary>
    /// The page cache of the writers' connection (SQLite's default is 2 MiB): every insert walks the
    /// indexes of large tables, and pages read again from the operating system's cache cost system calls
    /// while the write lock is held.
    /// </summary>
    private const int WriterCacheKibibytes = 65536;

    private const string OpenSavepoint = "SAVEPOINT unit_of_work;";
    private const string ReleaseSavepoint = "RELEASE SAVEPOINT unit_of_work;";
    private const string RollbackToSavepoint = "ROLLBACK TO SAVEPOINT unit_of_work;";
    private readonly SqliteWriteGate _gate;
    private readonly SqliteDatabase _database;
    private SqliteConnection? _connection;
    private WriterStatements? _statements;
    private SqliteTransaction? _transaction;
    private Outcome? _outcome;
    private long _commits;

    public WriteGroup(SqliteWriteGate gate, SqliteDatabase database)
    {
        _gate = gate;
        _database = database;
    }

    /// <summary>Waits for this unit's turn, then opens its savepoint in the group's transaction.</summary>
    internal async Task<WriteTurn> JoinAsync(CancellationToken cancellationToken)
    {
        await _gate.EnterGroupedAsync(cancellationToken);
        try
        {
            if (_transaction is null)
            {
                if (_connection is null)
                {
                    var connection = new SqliteConnection(_database.ConnectionString);
                    connection.Open();
                    using (var pragma = connection.CreateCommand())
                    {
                        // The page cache; the savepoints' journal in memory rather than a temporary file (each page a unit first
                        // changes was written to it); checkpoints left to the WalCheckpointer, outside the write lock.
                        pragma.CommandText = $"PRAGMA cache_size=-{WriterCacheKibibytes}; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0;";
                        pragma.ExecuteNonQuery();
                    }

                    _connection = connection;
                    _statements = new WriterStatements(connection);
                }

                // BEGIN IMMEDIATE: the write lock at once, so reading then writing cannot fail half-way.
                _transaction = _connection.BeginTransaction(deferred: false);
                _outcome = new Outcome();
            }

            _statements!.Execute(OpenSavepoint, _transaction);
            _outcome!.Units++;
            return new WriteTurn(_connection!, _transaction, _outcome);
        }
        catch (Exception exception)
        {
            FailGroup(exception);
            throw;
        }
    }

    /// <summary>Keeps the unit's work in the group and waits until the group is committed (or throws why it was not).</summary>
    internal Task CompleteAsync(WriteTurn turn)
    {
        try
        {
            _statements!.Execute(ReleaseSavepoint, turn.Transaction);
        }
        catch (Exception exception)
        {
            FailGroup(exception);
            return turn.Outcome.Committed;
        }

        Leave();
        return turn.Outcome.Committed;
    }

    /// <summary>Rolls the unit's work back to its savepoint; the rest of the group goes on.</summary>
    internal void Abandon(WriteTurn turn)
    {
        try
        {
            _statements!.Execute(RollbackToSavepoint, turn.Transaction);
            _statements!.Execute(ReleaseSavepoint, turn.Transaction);
        }
        catch (Exception exception)
        {
            // SQLite may have rolled the whole transaction back itself (a full disk, an I/O error):
            // the other units' work is gone too, and they must hear it.
            FailGroup(exception);
            return;
        }

        Leave();
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _statements?.Dispose();
        _connection?.Dispose();
    }

    /// <summary>Group transactions committed since the host started.</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>Statements kept compiled on the writers' connection (for tests).</summary>
    internal int KeptStatements => _statements?.Count ?? 0;

    /// <summary>The kept statements of <paramref name="connection"/> if it is the writers' connection (used only by the write lock's holder).</summary>
    internal WriterStatements? StatementsFor(DbConnection? connection) =>
        _statements is { } statements && ReferenceEquals(statements.Connection, connection) ? statements : null;

    private void Leave()
    {
        if (_outcome!.Units < MaxUnits && _gate.TryPassToGrouped())
        {
            return;
        }

        var transaction = _transaction!;
        var outcome = _outcome;
        _transaction = null;
        _outcome = null;
        try
        {
            transaction.Commit();
            transaction.Dispose();
            Interlocked.Increment(ref _commits);
            outcome.Succeed();
        }
        catch (Exception exception)
        {
            DropConnection(transaction);
            outcome.Fail(exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void FailGroup(Exception exception)
    {
        var outcome = _outcome;
        var transaction = _transaction;
        _transaction = null;
        _outcome = null;
        try
        {
            if (transaction is not null)
            {
                DropConnection(transaction);
            }

            outcome?.Fail(exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a failed commit or rollback the connection's state is unknown: start the next group on a new one.</summary>
    private void DropConnection(SqliteTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (SqliteException)
        {
            // Rolling back a transaction SQLite already ended.
        }

        _statements?.Dispose();
        _statements = null;
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>What the units of one group learn together.</summary>
    internal sealed class Outcome
    {
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Units { get; set; }

        public Task Committed => _committed.Task;

        public void Succeed() => _committed.TrySetResult();

        public void Fail(Exception exception) => _committed.TrySetException(
            new InvalidOperationException("The transaction these changes were committed in failed; nothing of it was saved.", exception));
    }
}

/// <summary>A unit of work's turn in the group: the shared connection and transaction, until it completes or is abandoned.</summary>
internal sealed record WriteTurn(SqliteConnection Connection, SqliteTransaction Transaction, WriteGroup.Outcome Outcome);
