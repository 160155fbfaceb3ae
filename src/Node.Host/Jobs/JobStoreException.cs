using Microsoft.Data.Sqlite;

namespace Node.Host.Jobs;

/// <summary>
/// The job store's database cannot be used: the file is corrupt, not a database, unwritable, locked
/// for longer than the busy timeout, or from a newer schema. The message names the file.
/// </summary>
public sealed class JobStoreException : Exception
{
    /// <summary>SQLITE_BUSY: another connection holds the lock.</summary>
    private const int SqliteBusy = 5;

    /// <summary>SQLITE_LOCKED: a table is locked by the same connection's other statement.</summary>
    private const int SqliteLocked = 6;

    public JobStoreException(string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The SQLite result code (for example 11 corrupt, 26 not a database), or null where SQLite reported no error.</summary>
    public int? SqliteErrorCode => (InnerException as SqliteException)?.SqliteErrorCode;

    /// <summary>True where the same call may succeed later: the database was locked by another connection past the busy timeout.</summary>
    public bool IsTransient => SqliteErrorCode is SqliteBusy or SqliteLocked;

    /// <summary>Wraps a SQLite error of <paramref name="operation"/> on <paramref name="databasePath"/>.</summary>
    internal static JobStoreException From(string databasePath, string operation, SqliteException exception) =>
        new(databasePath, $"Job store '{databasePath}' failed to {operation}: {exception.Message}", exception);
}
