using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Support.Kernel.Persistence;

/// <summary>
/// The prepared statements of the writers' connection, kept while it is open. Microsoft.Data.Sqlite compiles a
/// command's SQL again for every new command, and EF Core makes a new command for every execution, so each
/// insert of a unit of work was parsed and planned again while the write lock was held. On the writers'
/// connection a command with a SQL text seen before runs the statement compiled the first time instead
/// (<see cref="WriterStatementInterceptor"/>). Used only by the holder of the write lock, so never by two
/// threads at once.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    /// <summary>
    /// Distinct SQL texts kept at most. The product's writes use a few dozen; texts built from values (a list of
    /// ids spelled out) would grow the cache without end, so when it is full it starts again empty.
    /// </summary>
    internal const int Capacity = 512;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteCommand> _busy = [];

    public WriterStatements(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>Statements compiled and kept so far (for tests).</summary>
    internal int Count => _commands.Count;

    /// <summary>The command kept for <paramref name="sql"/>, or null when it is in use (a reader still open on it).</summary>
    public SqliteCommand? Rent(string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            if (_busy.Contains(command))
            {
                return null;
            }
        }
        else
        {
            if (_commands.Count >= Capacity)
            {
                Clear();
            }

            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        _busy.Add(command);
        return command;
    }

    public void Return(SqliteCommand command)
    {
        _busy.Remove(command);
        if (_commands.TryGetValue(command.CommandText, out var kept) && ReferenceEquals(kept, command))
        {
            command.Parameters.Clear();
            command.Transaction = null;
        }
        else
        {
            // Let go while the cache started again empty.
            command.Dispose();
        }
    }

    /// <summary>Executes a statement without parameters (a savepoint, its release) as EF Core's commands run: through its kept command.</summary>
    public void Execute(string sql, SqliteTransaction transaction)
    {
        using var command = new KeptStatementCommand(this) { CommandText = sql, Transaction = transaction };
        command.ExecuteNonQuery();
    }

    public void Dispose() => Clear();

    private void Clear()
    {
        foreach (var command in _commands.Values)
        {
            if (!_busy.Contains(command))
            {
                command.Dispose();
            }
        }

        _commands.Clear();
    }
}

/// <summary>Gives EF Core the kept statements of the writers' connection (<see cref="WriterStatements"/>).</summary>
internal sealed class WriterStatementInterceptor : DbCommandInterceptor
{
    private readonly WriteGroup _group;

    public WriterStatementInterceptor(WriteGroup group) => _group = group;

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        _group.StatementsFor(eventData.Connection) is { } statements
            ? InterceptionResult<DbCommand>.SuppressWithResult(new KeptStatementCommand(statements))
            : result;
}

/// <summary>
/// The command EF Core uses on the writers' connection: once its SQL is set, it executes the kept
/// <see cref="SqliteCommand"/> for that text (compiled once), and gives it back when disposed.
/// </summary>
internal sealed class KeptStatementCommand : DbCommand
{
    private readonly WriterStatements _statements;
    private SqliteCommand? _kept;
    private SqliteCommand? _own;
    private string _commandText = "";
    private DbTransaction? _transaction;

    public KeptStatementCommand(WriterStatements statements) => _statements = statements;

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            if (_kept is not null || _own is not null)
            {
                throw new InvalidOperationException("The text of a kept statement's command is set once, before its parameters.");
            }

            _commandText = value ?? "";
            _kept = _statements.Rent(_commandText);
            if (_kept is null)
            {
                _own = _statements.Connection.CreateCommand();
                _own.CommandText = _commandText;
            }
        }
    }

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("Only text commands run on the writers' connection.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => _statements.Connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, _statements.Connection))
            {
                throw new InvalidOperationException("A kept statement's command runs only on the writers' connection.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = value;
    }

    private SqliteCommand Inner => _kept ?? _own ?? throw new InvalidOperationException("A kept statement's command needs its text before its parameters.");

    public override void Cancel() => Inner.Cancel();

    public override int ExecuteNonQuery() => Prepared().ExecuteNonQuery();

    public override object? ExecuteScalar() => Prepared().ExecuteScalar();

    public override void Prepare() => Prepared().Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Prepared().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_kept is not null)
            {
                _statements.Return(_kept);
                _kept = null;
            }

            _own?.Dispose();
            _own = null;
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Prepared()
    {
        var command = Inner;
        command.Transaction = (SqliteTransaction?)_transaction;
        command.CommandTimeout = CommandTimeout;
        return command;
    }
}
