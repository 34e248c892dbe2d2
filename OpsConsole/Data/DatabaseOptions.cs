namespace OpsConsole.Data;

/// <summary>The "Database" section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, embedded file), Postgres or SqlServer.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For Sqlite, defaults to a file under data/; for Postgres and SqlServer, required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed the demo center when the database is empty (default true).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>With the demo data, also generate 60 workdays of past tickets and ratings (default true).</summary>
    public bool SeedDemoHistory { get; set; } = true;
}

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }
