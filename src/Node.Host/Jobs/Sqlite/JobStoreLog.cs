using Microsoft.Extensions.Logging;

namespace Node.Host.Jobs.Sqlite;

/// <summary>Messages of the SQLite job store, event ids 3100 to 3149.</summary>
internal static partial class JobStoreLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Created the job store schema version {SchemaVersion} in {DatabasePath}")]
    public static partial void SchemaCreated(ILogger logger, string databasePath, int schemaVersion);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "The job store {DatabasePath} stays in journal mode {JournalMode}: the file system refused WAL, so readers wait while a job is written")]
    public static partial void WalUnavailable(ILogger logger, string databasePath, string journalMode);
}
