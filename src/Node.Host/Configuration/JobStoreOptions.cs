namespace Node.Host.Configuration;

/// <summary>Settings of the job store, configuration section "JobStore".</summary>
public sealed class JobStoreOptions
{
    public const string SectionName = "JobStore";

    public const string SqliteProvider = "Sqlite";

    public const string DefaultSqliteFileName = "jobs.db";

    /// <summary>Which store keeps the jobs: "Sqlite" (the only one so far). Default "Sqlite".</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The SQLite database file; empty means jobs.db under Storage:Root. Default empty.</summary>
    public string SqlitePath { get; set; } = string.Empty;

    /// <summary>How long a SQLite command waits for a lock held by another connection. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Returns one message per invalid setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.Equals(Provider, SqliteProvider, StringComparison.Ordinal))
        {
            errors.Add($"{SectionName}:{nameof(Provider)} = \"{Provider}\" is invalid; expected \"{SqliteProvider}\".");
        }

        SettingChecks.Positive(errors, $"{SectionName}:{nameof(BusyTimeout)}", BusyTimeout);
        return errors;
    }

    /// <summary>The SQLite file: <see cref="SqlitePath"/>, or jobs.db under the storage root.</summary>
    public string EffectiveSqlitePath(StorageOptions storage) =>
        SqlitePath.Length > 0 ? Path.GetFullPath(SqlitePath) : Path.Combine(storage.RootPath, DefaultSqliteFileName);
}
