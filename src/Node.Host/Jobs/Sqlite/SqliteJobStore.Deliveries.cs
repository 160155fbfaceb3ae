using Microsoft.Data.Sqlite;
using static Node.Host.Jobs.Sqlite.SqliteValues;

namespace Node.Host.Jobs.Sqlite;

/// <summary>Deliveries and the audit table.</summary>
public sealed partial class SqliteJobStore
{
    /// <exception cref="KeyNotFoundException">No job has id <paramref name="jobId"/>.</exception>
    public Task AddDeliveriesAsync(long jobId, IReadOnlyList<string> destinations, IReadOnlyList<(string SopInstanceUid, string RelativePath)> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(files);
        const string Sql = """
            INSERT INTO deliveries (job_id, destination, sop_instance_uid, relative_path, state, attempts)
            VALUES ($job, $destination, $sop, $path, $pending, 0)
            ON CONFLICT (job_id, destination, sop_instance_uid) DO NOTHING;
            """;
        return _database.WriteAsync(
            "add deliveries",
            async connection =>
            {
                await RequireJobAsync(connection, jobId, cancellationToken).ConfigureAwait(false);
                foreach (var destination in destinations)
                {
                    foreach (var (sopInstanceUid, relativePath) in files)
                    {
                        await SqliteDatabase.ExecuteAsync(connection, Sql, cancellationToken, ("$job", jobId), ("$destination", destination), ("$sop", sopInstanceUid), ("$path", relativePath), ("$pending", nameof(DeliveryState.Pending))).ConfigureAwait(false);
                    }
                }

                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(long jobId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<Delivery>>(
            "read a job's deliveries",
            async connection => await SqliteDatabase.QueryAsync(connection, $"SELECT {DeliveryColumns} FROM deliveries WHERE job_id = $job ORDER BY id;", ReadDelivery, cancellationToken, ("$job", jobId)).ConfigureAwait(false),
            cancellationToken);

    /// <remarks>The error is set as given, so a delivered row's null clears the failure of an earlier attempt.</remarks>
    /// <exception cref="KeyNotFoundException">The job has no delivery of this instance to this destination.</exception>
    public Task RecordDeliveryAttemptAsync(long jobId, string destination, string sopInstanceUid, DeliveryState state, string? error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            UPDATE deliveries SET attempts = attempts + 1, state = $state, last_error = $error,
                delivered_at = CASE WHEN $state = $delivered THEN $now ELSE delivered_at END
            WHERE job_id = $job AND destination = $destination AND sop_instance_uid = $sop
            RETURNING (SELECT study_instance_uid FROM jobs WHERE id = $job);
            """;
        return _database.WriteAsync(
            "record a delivery attempt",
            async connection =>
            {
                var study = (string?)await SqliteDatabase.ScalarAsync(connection, Sql, cancellationToken, ("$state", state.ToString()), ("$error", error), ("$delivered", nameof(DeliveryState.Delivered)), ("$now", FormatTime(now)), ("$job", jobId), ("$destination", destination), ("$sop", sopInstanceUid)).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException($"Job {jobId} has no delivery of {sopInstanceUid} to destination '{destination}'.");
                if (state is DeliveryState.Delivered or DeliveryState.Rejected)
                {
                    var action = state == DeliveryState.Delivered ? AuditActions.Delivered : AuditActions.Rejected;
                    var detail = error is null ? $"SOP Instance UID {sopInstanceUid}" : $"SOP Instance UID {sopInstanceUid}: {error}";
                    await InsertAuditAsync(connection, new AuditEntry(now, action, study, jobId, destination, detail), cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.WriteAsync("append an audit line", connection => InsertAuditAsync(connection, entry, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string studyInstanceUid, CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<AuditEntry>>(
            "read a study's audit lines",
            async connection => await SqliteDatabase.QueryAsync(connection, $"SELECT {AuditColumns} FROM audit WHERE study_instance_uid = $study ORDER BY id;", ReadAudit, cancellationToken, ("$study", studyInstanceUid)).ConfigureAwait(false),
            cancellationToken);

    private static Task<int> InsertAuditAsync(SqliteConnection connection, AuditEntry entry, CancellationToken cancellationToken)
    {
        const string Sql = "INSERT INTO audit (at, action, study_instance_uid, job_id, peer, detail) VALUES ($at, $action, $study, $job, $peer, $detail);";
        return SqliteDatabase.ExecuteAsync(connection, Sql, cancellationToken, ("$at", FormatTime(entry.At)), ("$action", entry.Action), ("$study", entry.StudyInstanceUid), ("$job", entry.JobId), ("$peer", entry.Peer), ("$detail", entry.Detail));
    }

    private static async Task RequireJobAsync(SqliteConnection connection, long jobId, CancellationToken cancellationToken)
    {
        if (await SqliteDatabase.ScalarAsync(connection, "SELECT 1 FROM jobs WHERE id = $id;", cancellationToken, ("$id", jobId)).ConfigureAwait(false) is null)
        {
            throw new KeyNotFoundException($"Job {jobId} does not exist.");
        }
    }
}
