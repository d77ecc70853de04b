using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Support.Kernel.Persistence;

/// <summary>Recognises the SQLite failures a handler can recover from.</summary>
public static class SqliteErrors
{
    private const int Constraint = 19;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    /// <summary>Whether the save failed because a unique index already holds one of the values (another writer was first).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: Constraint } sqlite
        && sqlite.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;
}
