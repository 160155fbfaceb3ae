using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Node.Host.Jobs.Sqlite;

/// <summary>
/// The job store of one node, in a SQLite file: tables jobs, instances, deliveries and audit, in
/// WAL journal mode with synchronous=FULL, so every method's commit is on disk before it returns.
/// </summary>
/// <remarks>
/// Each call opens a pooled connection and runs as one transaction; writes start with BEGIN
/// IMMEDIATE, so SQLite lets one writer in at a time and the others wait up to the busy timeout.
/// That makes every method safe to call from several associations, the worker and the sender at
/// once, and makes <see cref="ClaimAsync"/> hand each job to one caller. Methods that run before
/// <see cref="InitializeAsync"/> fail on the missing tables.
/// </remarks>
public sealed partial class SqliteJobStore : IJobStore, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;

    /// <param name="databasePath">The database file; created with its folder where missing. A relative path starts at the working folder.</param>
    /// <param name="busyTimeout">How long a call waits for another connection's write lock before it fails; at least 1 ms.</param>
    /// <param name="logger">Receives the schema creation and problems with the journal mode.</param>
    public SqliteJobStore(string databasePath, TimeSpan busyTimeout, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.FromMilliseconds(1));
        ArgumentNullException.ThrowIfNull(logger);
        _database = new SqliteDatabase(Path.GetFullPath(databasePath), busyTimeout);
        _logger = logger;
    }

    /// <summary>The database file, as an absolute path.</summary>
    public string DatabasePath => _database.Path;

    /// <summary>
    /// Creates the folder and the schema where missing and turns on WAL journal mode.
    /// </summary>
    /// <exception cref="JobStoreException">The file is not a job store this program can use: corrupt, unwritable, not a database, or of a newer schema version.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        CreateFolder();
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);

            // A newer program's file may have tables this one would misread.
            var version = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (version > SqliteSchema.CurrentVersion)
            {
                throw new JobStoreException(DatabasePath, $"Job store '{DatabasePath}' has schema version {version}, newer than version {SqliteSchema.CurrentVersion} that this program reads; run a newer ainode or point JobStore:SqlitePath at another file.");
            }

            // The journal mode is stored in the file, and can change only outside a transaction.
            await SetWalModeAsync(connection, cancellationToken).ConfigureAwait(false);
            if (version < SqliteSchema.CurrentVersion)
            {
                await CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SqliteException exception)
        {
            throw JobStoreException.From(DatabasePath, "open the database", exception);
        }
    }

    /// <summary>Closes this file's pooled connections, so the file can be moved, deleted or reopened fresh.</summary>
    public void Dispose() => _database.ClearPool();

    private void CreateFolder()
    {
        var folder = Path.GetDirectoryName(DatabasePath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new JobStoreException(DatabasePath, $"Job store '{DatabasePath}' cannot be created: the folder '{folder}' cannot be created ({exception.Message}).", exception);
        }
    }

    private static async Task<long> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        (long)(await SqliteDatabase.ScalarAsync(connection, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false) ?? 0L);

    private async Task SetWalModeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var mode = (string?)await SqliteDatabase.ScalarAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            // A file system without shared memory keeps the rollback journal; commits stay durable, readers wait for writers.
            JobStoreLog.WalUnavailable(_logger, DatabasePath, mode ?? "unknown");
        }
    }

    /// <summary>Creates the tables in one transaction; a second process that got there first leaves nothing to do.</summary>
    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false) != 0)
        {
            return;
        }

        await SqliteDatabase.ExecuteAsync(connection, SqliteSchema.CreateVersion1, cancellationToken).ConfigureAwait(false);
        await SqliteDatabase.ExecuteAsync(connection, $"PRAGMA user_version = {SqliteSchema.CurrentVersion};", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        JobStoreLog.SchemaCreated(_logger, DatabasePath, SqliteSchema.CurrentVersion);
    }
}
