namespace Node.Host.Jobs;

/// <summary>One analysis of one study, as the job store records it.</summary>
/// <param name="Id">Job id, unique in the store, growing with creation time.</param>
/// <param name="StudyInstanceUid">The study this job analyses.</param>
/// <param name="State">Where the job stands.</param>
/// <param name="Attempts">How many times the analysis of the job was started; reset to 0 on its move to Sending or a later state.</param>
/// <param name="CreatedAt">When the job's first instance arrived.</param>
/// <param name="UpdatedAt">When the job last changed state or was claimed.</param>
/// <param name="LastInstanceAt">When the job's latest instance arrived; the quiet period counts from here.</param>
/// <param name="SupersedesJobId">The earlier job of the same study whose reports this job's reports replace; null for a study's first job.</param>
/// <param name="Outcome">One of <see cref="JobOutcomes"/> once the worker has a result; null before.</param>
/// <param name="OutboxFolder">Folder, relative to the storage root, that holds the job's SR and SC files once written.</param>
/// <param name="LastError">The last error of any step, for people; null where none.</param>
/// <param name="InstanceCount">Distinct instances received for this job.</param>
/// <param name="DuplicateCount">Instances received again with a SOP Instance UID the study already had; kept once.</param>
public sealed record Job(
    long Id,
    string StudyInstanceUid,
    JobState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastInstanceAt,
    long? SupersedesJobId,
    string? Outcome,
    string? OutboxFolder,
    string? LastError,
    int InstanceCount,
    int DuplicateCount);
