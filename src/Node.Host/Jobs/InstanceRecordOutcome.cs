namespace Node.Host.Jobs;

/// <summary>What <see cref="IJobStore.RecordInstanceAsync"/> did with an instance.</summary>
/// <param name="JobId">The job the instance belongs to (the one counted as duplicate, for a duplicate).</param>
/// <param name="IsDuplicate">The study already had this SOP Instance UID; nothing new was recorded and the job's duplicate count went up.</param>
/// <param name="StartedJob">A new job was created: the study's first, or a re-analysis because its latest job was past Receiving.</param>
public sealed record InstanceRecordOutcome(long JobId, bool IsDuplicate, bool StartedJob);
