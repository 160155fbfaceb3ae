using System.Globalization;
using Microsoft.Data.Sqlite;
using static Node.Host.Jobs.Sqlite.SqliteValues;

namespace Node.Host.Jobs.Sqlite;

/// <summary>Instances and jobs.</summary>
public sealed partial class SqliteJobStore
{
    private const string ReturningJob = $" RETURNING {JobColumns};";

    /// <remarks>A job's latest-instance time only moves forward, so an instance recorded late with an earlier <paramref name="receivedAt"/> does not shorten the quiet period.</remarks>
    public Task<InstanceRecordOutcome> RecordInstanceAsync(ReceivedInstance instance, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return _database.WriteAsync("record an instance", connection => RecordInstanceAsync(connection, instance, FormatTime(receivedAt), cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<Job>> MarkQuietJobsReadyAsync(DateTimeOffset now, TimeSpan quietPeriod, CancellationToken cancellationToken = default)
    {
        const string Sql = "UPDATE jobs SET state = $ready, attempts = 0, updated_at = $now WHERE state = $receiving AND last_instance_at <= $cutoff" + ReturningJob;
        return _database.WriteAsync<IReadOnlyList<Job>>(
            "mark quiet jobs ready",
            async connection =>
            {
                var jobs = await SqliteDatabase.QueryAsync(connection, Sql, ReadJob, cancellationToken, ("$ready", nameof(JobState.Ready)), ("$now", FormatTime(now)), ("$receiving", nameof(JobState.Receiving)), ("$cutoff", FormatTime(now - quietPeriod))).ConfigureAwait(false);
                return [.. jobs.OrderBy(job => job.Id)];
            },
            cancellationToken);
    }

    /// <remarks>One UPDATE picks and moves the job, inside a write transaction, so no second caller can read it in between. "Oldest" is the lowest job id.</remarks>
    public Task<Job?> ClaimAsync(JobState from, JobState to, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string Sql = "UPDATE jobs SET state = $to, attempts = attempts + 1, updated_at = $now WHERE id = (SELECT id FROM jobs WHERE state = $from ORDER BY id LIMIT 1)" + ReturningJob;
        return _database.WriteAsync(
            "claim a job",
            async connection =>
            {
                var jobs = await SqliteDatabase.QueryAsync(connection, Sql, ReadJob, cancellationToken, ("$to", to.ToString()), ("$now", FormatTime(now)), ("$from", from.ToString())).ConfigureAwait(false);
                return jobs.SingleOrDefault();
            },
            cancellationToken);
    }

    public Task<Job> HandBackAsync(long jobId, JobState from, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            UPDATE jobs SET state = $ready, attempts = max(attempts - 1, 0), updated_at = $now, last_error = 'handed back at stop'
            WHERE id = $id AND state = $from
            """ + ReturningJob;
        return _database.WriteAsync(
            "hand a job back at stop",
            async connection =>
            {
                var jobs = await SqliteDatabase.QueryAsync(connection, Sql, ReadJob, cancellationToken, ("$ready", JobState.Ready.ToString()), ("$now", FormatTime(now)), ("$id", jobId), ("$from", from.ToString())).ConfigureAwait(false);
                return jobs.Count == 1 ? jobs[0] : throw await ConflictAsync(connection, jobId, from, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<Job> TransitionAsync(long jobId, JobState from, JobState to, DateTimeOffset now, string? lastError = null, string? outcome = null, string? outboxFolder = null, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            UPDATE jobs SET state = $to, attempts = CASE WHEN $resets THEN 0 ELSE attempts END, updated_at = $now,
                last_error = CASE WHEN $lastError IS NOT NULL THEN $lastError WHEN $finished THEN NULL ELSE last_error END,
                outcome = coalesce($outcome, outcome), outbox_folder = coalesce($outboxFolder, outbox_folder)
            WHERE id = $id AND state = $from
            """ + ReturningJob;
        return _database.WriteAsync(
            "change a job's state",
            async connection =>
            {
                var jobs = await SqliteDatabase.QueryAsync(connection, Sql, ReadJob, cancellationToken, ("$to", to.ToString()), ("$resets", to > from && to >= JobState.Sending), ("$finished", to is JobState.Done or JobState.NotAnalysed), ("$now", FormatTime(now)), ("$lastError", lastError), ("$outcome", outcome), ("$outboxFolder", outboxFolder), ("$id", jobId), ("$from", from.ToString())).ConfigureAwait(false);
                return jobs.Count == 1 ? jobs[0] : throw await ConflictAsync(connection, jobId, from, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<Job?> GetJobAsync(long jobId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            "read a job",
            async connection => (await SqliteDatabase.QueryAsync(connection, $"SELECT {JobColumns} FROM jobs WHERE id = $id;", ReadJob, cancellationToken, ("$id", jobId)).ConfigureAwait(false)).SingleOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<Job>> GetStudyJobsAsync(string studyInstanceUid, CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<Job>>(
            "read a study's jobs",
            async connection => await SqliteDatabase.QueryAsync(connection, $"SELECT {JobColumns} FROM jobs WHERE study_instance_uid = $study ORDER BY id;", ReadJob, cancellationToken, ("$study", studyInstanceUid)).ConfigureAwait(false),
            cancellationToken);

    public Task<IReadOnlyList<Job>> GetJobsInStateAsync(JobState state, CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<Job>>(
            "read jobs by state",
            async connection => await SqliteDatabase.QueryAsync(connection, $"SELECT {JobColumns} FROM jobs WHERE state = $state ORDER BY id;", ReadJob, cancellationToken, ("$state", state.ToString())).ConfigureAwait(false),
            cancellationToken);

    public Task<IReadOnlyList<StoredInstance>> GetStudyInstancesAsync(string studyInstanceUid, CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<StoredInstance>>(
            "read a study's instances",
            async connection => await SqliteDatabase.QueryAsync(connection, $"SELECT {InstanceColumns} FROM instances WHERE study_instance_uid = $study ORDER BY id;", ReadInstance, cancellationToken, ("$study", studyInstanceUid)).ConfigureAwait(false),
            cancellationToken);

    /// <remarks>The attempts stay, so a job whose analysis kills the process again and again still reaches its attempt limit.</remarks>
    public Task<int> ResumeAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string Sql = "UPDATE jobs SET state = $ready, updated_at = $now WHERE state IN ($analysing, $reporting);";
        return _database.WriteAsync(
            "resume interrupted jobs",
            connection => SqliteDatabase.ExecuteAsync(connection, Sql, cancellationToken, ("$ready", nameof(JobState.Ready)), ("$now", FormatTime(now)), ("$analysing", nameof(JobState.Analysing)), ("$reporting", nameof(JobState.Reporting))),
            cancellationToken);
    }

    private static async Task<InstanceRecordOutcome> RecordInstanceAsync(SqliteConnection connection, ReceivedInstance instance, string receivedAt, CancellationToken cancellationToken)
    {
        // A SOP Instance UID the study already has: count it on the job that contains it, nothing more.
        var holder = await SqliteDatabase.ScalarAsync(connection, "SELECT job_id FROM instances WHERE study_instance_uid = $study AND sop_instance_uid = $sop;", cancellationToken, ("$study", instance.StudyInstanceUid), ("$sop", instance.SopInstanceUid)).ConfigureAwait(false);
        if (holder is long holderId)
        {
            await SqliteDatabase.ExecuteAsync(connection, "UPDATE jobs SET duplicate_count = duplicate_count + 1 WHERE id = $id;", cancellationToken, ("$id", holderId)).ConfigureAwait(false);
            return new InstanceRecordOutcome(holderId, IsDuplicate: true, StartedJob: false);
        }

        // Join the study's latest job while it receives; otherwise start one that supersedes it.
        var latest = await SqliteDatabase.QueryAsync(connection, "SELECT id, state FROM jobs WHERE study_instance_uid = $study ORDER BY id DESC LIMIT 1;", row => (Id: row.GetInt64(0), State: Enum.Parse<JobState>(row.GetString(1))), cancellationToken, ("$study", instance.StudyInstanceUid)).ConfigureAwait(false);
        var joins = latest is [{ State: JobState.Receiving }];
        var jobId = joins
            ? await JoinJobAsync(connection, latest[0].Id, receivedAt, cancellationToken).ConfigureAwait(false)
            : await StartJobAsync(connection, instance.StudyInstanceUid, latest is [var previous] ? previous.Id : null, receivedAt, cancellationToken).ConfigureAwait(false);

        // The instance row, and the audit line of who sent it.
        await InsertInstanceAsync(connection, jobId, instance, receivedAt, cancellationToken).ConfigureAwait(false);
        await InsertAuditAsync(connection, new AuditEntry(ParseTime(receivedAt), AuditActions.Received, instance.StudyInstanceUid, jobId, $"{instance.CallingAeTitle}@{instance.PeerAddress}", ReceivedDetail(instance)), cancellationToken).ConfigureAwait(false);
        return new InstanceRecordOutcome(jobId, IsDuplicate: false, StartedJob: !joins);
    }

    private static async Task<long> JoinJobAsync(SqliteConnection connection, long jobId, string receivedAt, CancellationToken cancellationToken)
    {
        const string Sql = "UPDATE jobs SET last_instance_at = max(last_instance_at, $at), instance_count = instance_count + 1 WHERE id = $id;";
        await SqliteDatabase.ExecuteAsync(connection, Sql, cancellationToken, ("$at", receivedAt), ("$id", jobId)).ConfigureAwait(false);
        return jobId;
    }

    private static async Task<long> StartJobAsync(SqliteConnection connection, string studyInstanceUid, long? supersedesJobId, string receivedAt, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO jobs (study_instance_uid, state, attempts, created_at, updated_at, last_instance_at, supersedes_job_id, instance_count, duplicate_count)
            VALUES ($study, $receiving, 0, $at, $at, $at, $supersedes, 1, 0) RETURNING id;
            """;
        return (long)(await SqliteDatabase.ScalarAsync(connection, Sql, cancellationToken, ("$study", studyInstanceUid), ("$receiving", nameof(JobState.Receiving)), ("$at", receivedAt), ("$supersedes", supersedesJobId)).ConfigureAwait(false))!;
    }

    private static Task<int> InsertInstanceAsync(SqliteConnection connection, long jobId, ReceivedInstance instance, string receivedAt, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO instances (job_id, study_instance_uid, series_instance_uid, sop_class_uid, sop_instance_uid, transfer_syntax_uid, relative_path, length, calling_ae_title, peer_address, association_id, received_at)
            VALUES ($job, $study, $series, $class, $sop, $syntax, $path, $length, $ae, $address, $association, $at);
            """;
        return SqliteDatabase.ExecuteAsync(
            connection,
            Sql,
            cancellationToken,
            ("$job", jobId),
            ("$study", instance.StudyInstanceUid),
            ("$series", instance.SeriesInstanceUid),
            ("$class", instance.SopClassUid),
            ("$sop", instance.SopInstanceUid),
            ("$syntax", instance.TransferSyntaxUid),
            ("$path", instance.RelativePath),
            ("$length", instance.Length),
            ("$ae", instance.CallingAeTitle),
            ("$address", instance.PeerAddress),
            ("$association", instance.AssociationId),
            ("$at", receivedAt));
    }

    private static string ReceivedDetail(ReceivedInstance instance) => string.Create(
        CultureInfo.InvariantCulture,
        $"SOP Instance UID {instance.SopInstanceUid}, series {instance.SeriesInstanceUid}, SOP class {instance.SopClassUid}, {instance.Length} bytes in {instance.TransferSyntaxUid}, association {instance.AssociationId}");

    /// <summary>Builds the exception for a transition whose job is missing or in another state.</summary>
    private static async Task<JobStateConflictException> ConflictAsync(SqliteConnection connection, long jobId, JobState expected, CancellationToken cancellationToken)
    {
        var state = (string?)await SqliteDatabase.ScalarAsync(connection, "SELECT state FROM jobs WHERE id = $id;", cancellationToken, ("$id", jobId)).ConfigureAwait(false);
        return new JobStateConflictException(jobId, expected, state is null ? null : Enum.Parse<JobState>(state));
    }
}
