namespace Node.Host.Jobs;

/// <summary>
/// The durable record of every instance, job, delivery and audit line. Every method commits before
/// it returns, so what it reports survives a process kill at any later moment. SQLite implements it
/// for one node; the scale-out issue adds PostgreSQL behind the same interface, so methods that
/// hand out work (<see cref="ClaimAsync"/>) are safe with several callers.
/// </summary>
public interface IJobStore
{
    /// <summary>Creates the schema where missing. Called once at start, before any other method.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an instance whose file is already on disk. It joins the study's job in Receiving,
    /// whose <see cref="Job.LastInstanceAt"/> becomes the later of its value and
    /// <paramref name="receivedAt"/>. Where the study has no job, or its latest job is past
    /// Receiving, a new job starts. A new job of a study that had one supersedes the latest earlier job. An instance whose SOP Instance UID the study
    /// already has is a duplicate: nothing else changes but the duplicate count of the job that
    /// holds it. Also appends a <see cref="AuditActions.Received"/> audit line for a new instance.
    /// </summary>
    Task<InstanceRecordOutcome> RecordInstanceAsync(ReceivedInstance instance, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Moves every job in Receiving whose latest instance is at least <paramref name="quietPeriod"/> older than <paramref name="now"/> to Ready, and returns them.</summary>
    Task<IReadOnlyList<Job>> MarkQuietJobsReadyAsync(DateTimeOffset now, TimeSpan quietPeriod, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically takes the oldest job in <paramref name="from"/>, moves it to <paramref name="to"/>
    /// and adds one to its attempts; returns it as it is after the move, or null where none waits.
    /// Two callers never get the same job.
    /// </summary>
    Task<Job?> ClaimAsync(JobState from, JobState to, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a job from <paramref name="from"/> to <paramref name="to"/>. A forward move to Sending
    /// or a later state resets the attempts to 0. Any other move keeps them: analysis and report are
    /// one attempt, because a failed report sends the job back to Ready. Null arguments leave the
    /// outcome, outbox folder and last error as they were. One exception: a move to Done or
    /// NotAnalysed without an error clears the last error. An earlier step's error (a retry, a
    /// hand-back at stop) no longer describes a finished job; the log still has it.
    /// </summary>
    /// <exception cref="JobStateConflictException">The job does not exist or is not in <paramref name="from"/>.</exception>
    Task<Job> TransitionAsync(long jobId, JobState from, JobState to, DateTimeOffset now, string? lastError = null, string? outcome = null, string? outboxFolder = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a job the node was working on back to Ready at a graceful stop, and gives back the
    /// attempt its claim counted: the stop is not the job's failure.
    /// </summary>
    /// <exception cref="JobStateConflictException">The job does not exist or is not in <paramref name="from"/>.</exception>
    Task<Job> HandBackAsync(long jobId, JobState from, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The job, or null where no job has this id.</summary>
    Task<Job?> GetJobAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Every job of a study, oldest first.</summary>
    Task<IReadOnlyList<Job>> GetStudyJobsAsync(string studyInstanceUid, CancellationToken cancellationToken = default);

    /// <summary>Every job in <paramref name="state"/>, oldest first.</summary>
    Task<IReadOnlyList<Job>> GetJobsInStateAsync(JobState state, CancellationToken cancellationToken = default);

    /// <summary>Every instance of the study, across all its jobs, each SOP Instance UID once, in arrival order.</summary>
    Task<IReadOnlyList<StoredInstance>> GetStudyInstancesAsync(string studyInstanceUid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves every job in Analysing or Reporting back to Ready and returns how many moved; called
    /// once at start. Their work was lost with the process, and nothing of it was sent. Jobs in
    /// Receiving and Sending stay, because their quiet period and their outbox survive a restart.
    /// </summary>
    Task<int> ResumeAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records, for every destination, one pending delivery per report file; rows that exist are left as they are.</summary>
    Task AddDeliveriesAsync(long jobId, IReadOnlyList<string> destinations, IReadOnlyList<(string SopInstanceUid, string RelativePath)> files, CancellationToken cancellationToken = default);

    /// <summary>Every delivery of a job, in the order added.</summary>
    Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records one C-STORE attempt of a report file to a destination: adds one to its attempts and
    /// sets its state, error and, when delivered, its time. A delivered or rejected row also gets an
    /// audit line.
    /// </summary>
    Task RecordDeliveryAttemptAsync(long jobId, string destination, string sopInstanceUid, DeliveryState state, string? error, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Appends an audit line.</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every audit line of a study, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string studyInstanceUid, CancellationToken cancellationToken = default);
}
