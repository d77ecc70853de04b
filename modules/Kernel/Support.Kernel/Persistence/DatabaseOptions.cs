namespace Support.Kernel.Persistence;

/// <summary>Where the product keeps its data (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The database provider; SQLite is the one shipped.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; relative paths are resolved against the data folder.</summary>
    public string SqlitePath { get; set; } = "support.db";
}
