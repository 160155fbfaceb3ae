using Node.Host.Jobs;

namespace Node.Host.Tests.Jobs;

/// <summary>
/// The contract of <see cref="IJobStore"/> as its XML docs state it, run against every
/// implementation by a derived fixture that builds the store.
/// </summary>
public abstract class JobStoreContractTests
{
    protected const string Study = "1.2.826.0.1.3680043.8.498.1";

    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    protected static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    protected IJobStore Store { get; private set; } = null!;

    /// <summary>Builds a new, initialized store with no data.</summary>
    protected abstract Task<IJobStore> CreateStoreAsync();

    [SetUp]
    public async Task CreateStore() => Store = await CreateStoreAsync();

    [Test]
    public async Task First_instance_starts_receiving_job()
    {
        var outcome = await Store.RecordInstanceAsync(Instance("1.1"), Start);

        var job = await Store.GetJobAsync(outcome.JobId);
        Assert.That(outcome.StartedJob, Is.True);
        Assert.That(outcome.IsDuplicate, Is.False);
        Assert.That(job, Is.Not.Null);
        Assert.That(job!.State, Is.EqualTo(JobState.Receiving));
        Assert.That(job.StudyInstanceUid, Is.EqualTo(Study));
        Assert.That(job.InstanceCount, Is.EqualTo(1));
        Assert.That(job.DuplicateCount, Is.Zero);
        Assert.That(job.Attempts, Is.Zero);
        Assert.That(job.CreatedAt, Is.EqualTo(Start));
        Assert.That(job.LastInstanceAt, Is.EqualTo(Start));
        Assert.That(job.SupersedesJobId, Is.Null);
    }

    [Test]
    public async Task Next_instance_joins_receiving_job()
    {
        var first = await Store.RecordInstanceAsync(Instance("1.1"), Start);

        var second = await Store.RecordInstanceAsync(Instance("1.2", series: "2.2"), Start.AddSeconds(5));

        var job = await Store.GetJobAsync(first.JobId);
        Assert.That(second.JobId, Is.EqualTo(first.JobId));
        Assert.That(second.StartedJob, Is.False);
        Assert.That(job!.InstanceCount, Is.EqualTo(2));
        Assert.That(job.LastInstanceAt, Is.EqualTo(Start.AddSeconds(5)));
        Assert.That(job.CreatedAt, Is.EqualTo(Start));
        Assert.That(await Store.GetStudyJobsAsync(Study), Has.Count.EqualTo(1));
    }

    [Test]
    [Description("A PACS that resends an instance must not make it count twice or delay the study.")]
    public async Task Duplicate_instance_is_counted_once()
    {
        var first = await Store.RecordInstanceAsync(Instance("1.1"), Start);

        var again = await Store.RecordInstanceAsync(Instance("1.1"), Start.AddSeconds(10));

        var job = await Store.GetJobAsync(first.JobId);
        Assert.That(again.IsDuplicate, Is.True);
        Assert.That(again.StartedJob, Is.False);
        Assert.That(again.JobId, Is.EqualTo(first.JobId));
        Assert.That(job!.InstanceCount, Is.EqualTo(1));
        Assert.That(job.DuplicateCount, Is.EqualTo(1));
        Assert.That(job.LastInstanceAt, Is.EqualTo(Start));
        Assert.That(await Store.GetStudyInstancesAsync(Study), Has.Count.EqualTo(1));
        Assert.That((await Store.GetAuditAsync(Study)).Count(entry => entry.Action == AuditActions.Received), Is.EqualTo(1));
    }

    [Test]
    [Description("An instance that arrives after the study went quiet starts a re-analysis that supersedes the first job.")]
    public async Task Late_instance_starts_superseding_job()
    {
        var first = await Store.RecordInstanceAsync(Instance("1.1"), Start);
        await Store.MarkQuietJobsReadyAsync(Start + Quiet, Quiet);

        var late = await Store.RecordInstanceAsync(Instance("1.2"), Start.AddMinutes(5));

        var jobs = await Store.GetStudyJobsAsync(Study);
        Assert.That(late.StartedJob, Is.True);
        Assert.That(late.JobId, Is.Not.EqualTo(first.JobId));
        Assert.That(jobs.Select(job => job.Id), Is.EqualTo(new[] { first.JobId, late.JobId }));
        Assert.That(jobs[1].SupersedesJobId, Is.EqualTo(first.JobId));
        Assert.That(jobs[1].State, Is.EqualTo(JobState.Receiving));
        Assert.That(jobs[1].InstanceCount, Is.EqualTo(1));
        Assert.That(jobs[0].State, Is.EqualTo(JobState.Ready));
        Assert.That(jobs[0].InstanceCount, Is.EqualTo(1));
    }

    [Test]
    [Description("The study's instances span both jobs; a resent instance of the first job counts on the first job.")]
    public async Task Study_instances_span_all_jobs()
    {
        var first = await Store.RecordInstanceAsync(Instance("1.1"), Start);
        await Store.MarkQuietJobsReadyAsync(Start + Quiet, Quiet);
        var late = await Store.RecordInstanceAsync(Instance("1.2"), Start.AddMinutes(5));

        var resent = await Store.RecordInstanceAsync(Instance("1.1"), Start.AddMinutes(6));

        var instances = await Store.GetStudyInstancesAsync(Study);
        Assert.That(resent.IsDuplicate, Is.True);
        Assert.That(resent.JobId, Is.EqualTo(first.JobId));
        Assert.That((await Store.GetJobAsync(first.JobId))!.DuplicateCount, Is.EqualTo(1));
        Assert.That(instances.Select(instance => instance.SopInstanceUid), Is.EqualTo(new[] { "1.1", "1.2" }));
        Assert.That(instances.Select(instance => instance.JobId), Is.EqualTo(new[] { first.JobId, late.JobId }));
        Assert.That(instances[0].RelativePath, Is.EqualTo($"{Study}/2.1/1.1.dcm"));
        Assert.That(instances[0].ReceivedAt, Is.EqualTo(Start));
    }

    [Test]
    [Description("A job is ready once its latest instance is exactly the quiet period old, not a tick earlier.")]
    public async Task Quiet_period_boundary_is_inclusive()
    {
        var outcome = await Store.RecordInstanceAsync(Instance("1.1"), Start);

        var early = await Store.MarkQuietJobsReadyAsync(Start + Quiet - TimeSpan.FromTicks(1), Quiet);
        var due = await Store.MarkQuietJobsReadyAsync(Start + Quiet, Quiet);

        Assert.That(early, Is.Empty);
        Assert.That(due.Select(job => job.Id), Is.EqualTo(new[] { outcome.JobId }));
        Assert.That(due[0].State, Is.EqualTo(JobState.Ready));
        Assert.That(due[0].UpdatedAt, Is.EqualTo(Start + Quiet));
        Assert.That((await Store.GetJobAsync(outcome.JobId))!.State, Is.EqualTo(JobState.Ready));
    }

    [Test]
    public async Task Claim_takes_oldest_job_once()
    {
        var first = await ReadyJobAsync("8.1");
        var second = await ReadyJobAsync("8.2");
        var now = Start.AddHours(1);

        var claimed = await Store.ClaimAsync(JobState.Ready, JobState.Analysing, now);
        var next = await Store.ClaimAsync(JobState.Ready, JobState.Analysing, now);
        var none = await Store.ClaimAsync(JobState.Ready, JobState.Analysing, now);

        Assert.That(claimed!.Id, Is.EqualTo(first));
        Assert.That(claimed.State, Is.EqualTo(JobState.Analysing));
        Assert.That(claimed.Attempts, Is.EqualTo(1));
        Assert.That(claimed.UpdatedAt, Is.EqualTo(now));
        Assert.That(next!.Id, Is.EqualTo(second));
        Assert.That(none, Is.Null);
    }

    [Test]
    [Description("Several workers claiming at once: each job is handed out exactly once.")]
    public async Task Concurrent_claims_hand_out_each_job_once()
    {
        const int JobCount = 40;
        const int Claimers = 8;
        var expected = new List<long>();
        for (var index = 0; index < JobCount; index++)
        {
            expected.Add(await ReadyJobAsync($"8.{index + 1}"));
        }

        var claimers = Enumerable.Range(0, Claimers).Select(_ => Task.Run(ClaimAllAsync));
        var claimed = (await Task.WhenAll(claimers)).SelectMany(ids => ids).ToList();

        Assert.That(claimed, Is.Unique);
        Assert.That(claimed, Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Transition_from_wrong_state_throws_conflict()
    {
        var job = (await Store.RecordInstanceAsync(Instance("1.1"), Start)).JobId;

        var conflict = Assert.ThrowsAsync<JobStateConflictException>(() => Store.TransitionAsync(job, JobState.Analysing, JobState.Reporting, Start));

        Assert.That(conflict!.JobId, Is.EqualTo(job));
        Assert.That(conflict.Expected, Is.EqualTo(JobState.Analysing));
        Assert.That(conflict.Actual, Is.EqualTo(JobState.Receiving));
        Assert.That((await Store.GetJobAsync(job))!.State, Is.EqualTo(JobState.Receiving));
    }

    [Test]
    public void Transition_of_missing_job_throws_conflict()
    {
        var conflict = Assert.ThrowsAsync<JobStateConflictException>(() => Store.TransitionAsync(999, JobState.Ready, JobState.Analysing, Start));

        Assert.That(conflict!.JobId, Is.EqualTo(999));
        Assert.That(conflict.Actual, Is.Null);
    }

    [Test]
    [Description("A move to Reporting keeps the attempts, as does a move back; null arguments keep the stored values.")]
    public async Task Transition_sets_attempts_and_fields()
    {
        var job = await ReadyJobAsync(Study);
        await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(1));

        var reporting = await Store.TransitionAsync(job, JobState.Analysing, JobState.Reporting, Start.AddMinutes(2), lastError: "model slow", outcome: "analysed", outboxFolder: "outbox/1");
        var retried = await Store.ClaimAsync(JobState.Reporting, JobState.Reporting, Start.AddMinutes(3));
        var backToReady = await Store.TransitionAsync(job, JobState.Reporting, JobState.Ready, Start.AddMinutes(4));

        Assert.That(reporting.State, Is.EqualTo(JobState.Reporting));
        Assert.That(reporting.Attempts, Is.EqualTo(1), "a failed report sends the job back to Ready, so the report counts with its analysis");
        Assert.That(reporting.UpdatedAt, Is.EqualTo(Start.AddMinutes(2)));
        Assert.That(reporting.LastError, Is.EqualTo("model slow"));
        Assert.That(reporting.Outcome, Is.EqualTo("analysed"));
        Assert.That(reporting.OutboxFolder, Is.EqualTo("outbox/1"));
        Assert.That(retried!.Attempts, Is.EqualTo(2));
        Assert.That(backToReady.State, Is.EqualTo(JobState.Ready));
        Assert.That(backToReady.Attempts, Is.EqualTo(2), "a move back keeps the attempts");
        Assert.That(backToReady.LastError, Is.EqualTo("model slow"));
        Assert.That(backToReady.Outcome, Is.EqualTo("analysed"));
        Assert.That(backToReady.OutboxFolder, Is.EqualTo("outbox/1"));
    }

    [Test]
    [Description("The attempts count the analysis and its report; the move to Sending starts the job's delivery with none.")]
    public async Task Move_to_sending_resets_attempts()
    {
        var job = await ReadyJobAsync(Study);
        await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(1));

        var reporting = await Store.TransitionAsync(job, JobState.Analysing, JobState.Reporting, Start.AddMinutes(2));
        var sending = await Store.TransitionAsync(job, JobState.Reporting, JobState.Sending, Start.AddMinutes(3));

        Assert.That(reporting.Attempts, Is.EqualTo(1));
        Assert.That(sending.Attempts, Is.Zero);
    }

    [TestCase(JobState.Done)]
    [TestCase(JobState.NotAnalysed)]
    [Description("An error of an earlier step does not describe a finished job; an error given with the move stays.")]
    public async Task Finished_job_drops_earlier_error(JobState finished)
    {
        var job = await ReadyJobAsync(Study);
        await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(1));
        await Store.HandBackAsync(job, JobState.Analysing, Start.AddMinutes(2));
        await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(3));

        var done = await Store.TransitionAsync(job, JobState.Analysing, finished, Start.AddMinutes(4));
        var other = await ReadyJobAsync("1.2.9");
        await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(5));
        var withError = await Store.TransitionAsync(other, JobState.Analysing, finished, Start.AddMinutes(6), lastError: "2 of 3 instances left out");

        Assert.That(done.LastError, Is.Null);
        Assert.That(withError.LastError, Is.EqualTo("2 of 3 instances left out"));
    }

    [Test]
    [Description("A graceful stop is not the job's failure, so handing the job back returns the attempt its claim counted.")]
    public async Task Hand_back_returns_the_attempt()
    {
        var job = await ReadyJobAsync("1.2.3");
        var claimed = await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(1));

        var handedBack = await Store.HandBackAsync(job, JobState.Analysing, Start.AddMinutes(2));

        Assert.That(claimed!.Attempts, Is.EqualTo(1));
        Assert.That(handedBack.State, Is.EqualTo(JobState.Ready));
        Assert.That(handedBack.Attempts, Is.Zero);
        Assert.That(handedBack.LastError, Is.EqualTo("handed back at stop"));
        Assert.ThrowsAsync<JobStateConflictException>(() => Store.HandBackAsync(job, JobState.Analysing, Start.AddMinutes(3)));
    }

    [Test]
    [Description("After a restart, work in progress is redone; receiving and sending jobs stay, since their state survived.")]
    public async Task Resume_moves_interrupted_jobs_to_ready()
    {
        var receiving = (await Store.RecordInstanceAsync(Instance("1.1", study: "9.1"), Start.AddHours(1))).JobId;
        var analysing = await JobInStateAsync("9.2", JobState.Analysing);
        var reporting = await JobInStateAsync("9.3", JobState.Reporting);
        var sending = await JobInStateAsync("9.4", JobState.Sending);
        var ready = await JobInStateAsync("9.5", JobState.Ready);

        var moved = await Store.ResumeAsync(Start.AddHours(2));

        Assert.That(moved, Is.EqualTo(2));
        Assert.That((await Store.GetJobAsync(receiving))!.State, Is.EqualTo(JobState.Receiving));
        Assert.That((await Store.GetJobAsync(analysing))!.State, Is.EqualTo(JobState.Ready));
        Assert.That((await Store.GetJobAsync(reporting))!.State, Is.EqualTo(JobState.Ready));
        Assert.That((await Store.GetJobAsync(sending))!.State, Is.EqualTo(JobState.Sending));
        Assert.That((await Store.GetJobAsync(ready))!.State, Is.EqualTo(JobState.Ready));
        Assert.That((await Store.GetJobsInStateAsync(JobState.Ready)).Select(job => job.Id), Is.EqualTo(new[] { analysing, reporting, ready }));
    }

    [Test]
    [Description("Adding the same deliveries again, as a retried reporting step does, leaves one row each.")]
    public async Task Deliveries_are_added_once_in_order()
    {
        var job = await ReadyJobAsync(Study);
        (string, string)[] files = [("5.1", "outbox/1/sr.dcm"), ("5.2", "outbox/1/sc.dcm")];

        await Store.AddDeliveriesAsync(job, ["PACS", "ARCHIVE"], files);
        await Store.AddDeliveriesAsync(job, ["PACS", "ARCHIVE"], files);

        var deliveries = await Store.GetDeliveriesAsync(job);
        Assert.That(deliveries.Select(delivery => (delivery.Destination, delivery.SopInstanceUid)), Is.EqualTo(new[] { ("PACS", "5.1"), ("PACS", "5.2"), ("ARCHIVE", "5.1"), ("ARCHIVE", "5.2") }));
        Assert.That(deliveries.Select(delivery => delivery.State), Is.All.EqualTo(DeliveryState.Pending));
        Assert.That(deliveries.Select(delivery => delivery.Attempts), Is.All.Zero);
        Assert.That(deliveries[1].RelativePath, Is.EqualTo("outbox/1/sc.dcm"));
        Assert.That(deliveries[0].DeliveredAt, Is.Null);
        Assert.That(deliveries[0].LastError, Is.Null);
    }

    [Test]
    public async Task Delivery_attempts_update_row_and_audit()
    {
        var job = await ReadyJobAsync(Study);
        await Store.AddDeliveriesAsync(job, ["PACS", "ARCHIVE"], [("5.1", "outbox/1/sr.dcm")]);
        var delivered = Start.AddMinutes(10);

        await Store.RecordDeliveryAttemptAsync(job, "PACS", "5.1", DeliveryState.Pending, "association rejected", Start.AddMinutes(9));
        await Store.RecordDeliveryAttemptAsync(job, "PACS", "5.1", DeliveryState.Delivered, null, delivered);
        await Store.RecordDeliveryAttemptAsync(job, "ARCHIVE", "5.1", DeliveryState.Rejected, "0xA900", delivered);

        var deliveries = await Store.GetDeliveriesAsync(job);
        var audit = (await Store.GetAuditAsync(Study)).Where(entry => entry.Action != AuditActions.Received).ToList();
        Assert.That(deliveries[0].State, Is.EqualTo(DeliveryState.Delivered));
        Assert.That(deliveries[0].Attempts, Is.EqualTo(2));
        Assert.That(deliveries[0].DeliveredAt, Is.EqualTo(delivered));
        Assert.That(deliveries[0].LastError, Is.Null);
        Assert.That(deliveries[1].State, Is.EqualTo(DeliveryState.Rejected));
        Assert.That(deliveries[1].Attempts, Is.EqualTo(1));
        Assert.That(deliveries[1].LastError, Is.EqualTo("0xA900"));
        Assert.That(deliveries[1].DeliveredAt, Is.Null);
        Assert.That(audit.Select(entry => (entry.Action, entry.Peer)), Is.EqualTo(new[] { (AuditActions.Delivered, "PACS"), (AuditActions.Rejected, "ARCHIVE") }));
        Assert.That(audit.Select(entry => entry.JobId), Is.All.EqualTo(job));
        Assert.That(audit[1].Detail, Does.Contain("5.1").And.Contain("0xA900"));
    }

    [Test]
    public async Task Received_instance_appends_audit_line()
    {
        var instance = Instance("1.1");

        var job = (await Store.RecordInstanceAsync(instance, Start)).JobId;

        var audit = await Store.GetAuditAsync(Study);
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.That(audit[0].Action, Is.EqualTo(AuditActions.Received));
        Assert.That(audit[0].At, Is.EqualTo(Start));
        Assert.That(audit[0].JobId, Is.EqualTo(job));
        Assert.That(audit[0].Peer, Is.EqualTo("MODALITY@127.0.0.1"));
        Assert.That(audit[0].Detail, Does.Contain("1.1"));
    }

    [Test]
    public async Task Appended_audit_lines_read_back_in_order()
    {
        var first = new AuditEntry(Start, "custom", Study, null, "operator", "first");
        var second = new AuditEntry(Start.AddSeconds(1), "custom", Study, 42, "operator", "second");
        var other = new AuditEntry(Start, "custom", "7.7", null, "operator", "other study");

        await Store.AppendAuditAsync(first);
        await Store.AppendAuditAsync(other);
        await Store.AppendAuditAsync(second);

        Assert.That(await Store.GetAuditAsync(Study), Is.EqualTo(new[] { first, second }));
    }

    protected static ReceivedInstance Instance(string sopInstanceUid, string series = "2.1", string study = Study) => new(
        study,
        series,
        "1.2.840.10008.5.1.4.1.1.2",
        sopInstanceUid,
        "1.2.840.10008.1.2.1",
        $"{study}/{series}/{sopInstanceUid}.dcm",
        1000,
        "MODALITY",
        "127.0.0.1",
        "1");

    /// <summary>Records one instance of a study of its own and marks the job ready; returns its id.</summary>
    private async Task<long> ReadyJobAsync(string studyInstanceUid)
    {
        var job = (await Store.RecordInstanceAsync(Instance("1.1", study: studyInstanceUid), Start)).JobId;
        await Store.TransitionAsync(job, JobState.Receiving, JobState.Ready, Start + Quiet);
        return job;
    }

    /// <summary>Walks a job of a study of its own forward to <paramref name="state"/>; returns its id.</summary>
    private async Task<long> JobInStateAsync(string studyInstanceUid, JobState state)
    {
        var job = await ReadyJobAsync(studyInstanceUid);
        for (var current = JobState.Ready; current < state; current++)
        {
            await Store.TransitionAsync(job, current, current + 1, Start + Quiet);
        }

        return job;
    }

    private async Task<List<long>> ClaimAllAsync()
    {
        var claimed = new List<long>();
        while (await Store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddHours(1)) is { } job)
        {
            claimed.Add(job.Id);
        }

        return claimed;
    }
}
