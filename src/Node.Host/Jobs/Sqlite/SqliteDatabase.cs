using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Node.Host.Jobs.Sqlite;

/// <summary>
/// Opens connections to one SQLite file with the settings every call needs, and runs a unit of work
/// as one transaction. Connections are pooled, so a connection per call is cheap and any number of
/// threads may call at once; SQLite serializes the writers.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>
    /// Runs on every opened connection, since these pragmas belong to the connection, not the file.
    /// synchronous=FULL makes each commit durable before it returns (in WAL mode NORMAL could lose
    /// the last commits on power loss, and a C-STORE success depends on the commit).
    /// </summary>
    private const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {0};";

    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <param name="path">The database file, as an absolute path.</param>
    /// <param name="busyTimeout">How long a statement waits for another connection's lock before it fails with SQLITE_BUSY.</param>
    public SqliteDatabase(string path, TimeSpan busyTimeout)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
        _pragmas = string.Format(CultureInfo.InvariantCulture, ConnectionPragmas, (long)busyTimeout.TotalMilliseconds);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens a pooled connection with the per-connection pragmas set.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, _pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction, opened with BEGIN IMMEDIATE so it holds
    /// the write lock from its first statement and two such transactions never deadlock upgrading a
    /// read lock. Commits when the work returns; rolls back when it throws. The operation names the
    /// work in the error message ("record an instance").
    /// </summary>
    /// <exception cref="JobStoreException">SQLite failed: the file is corrupt, unwritable or locked past the busy timeout.</exception>
    public async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        catch (SqliteException exception)
        {
            throw JobStoreException.From(Path, operation, exception);
        }
    }

    /// <summary>Runs <paramref name="work"/>, a single read statement, outside any explicit transaction.</summary>
    /// <exception cref="JobStoreException">SQLite failed: the file is corrupt or unreadable.</exception>
    public async Task<T> ReadAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw JobStoreException.From(Path, operation, exception);
        }
    }

    /// <summary>Closes the pooled connections of this file, so the file is no longer held open.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a statement and returns the first column of its first row, or null where it returns no row.</summary>
    public static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a statement and reads every row it returns with <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Builds a command; the connection enlists it in its open transaction, if any.</summary>
    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
