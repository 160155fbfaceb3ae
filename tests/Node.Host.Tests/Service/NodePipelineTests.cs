using Microsoft.Extensions.Logging.Abstractions;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Host.Jobs;
using Node.Host.Jobs.Sqlite;
using Node.Host.Tests.Cli;
using Node.Reports.Sr;

namespace Node.Host.Tests.Service;

/// <summary>
/// The node as a process, with DCMTK on both ends: storescu plays the PACS that sends, storescp the
/// PACS that receives the SR and SC. Faults (SIGKILL while receiving, analysing and sending; a
/// destination that is down for a while) end with every study delivered exactly once.
/// </summary>
[TestFixture]
public sealed class NodePipelineTests
{
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(120);

    private string _root = null!;
    private string _node = null!;
    private string _destination = null!;
    private string _studies = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("ainode-node-").FullName;
        _node = Directory.CreateDirectory(Path.Combine(_root, "node")).FullName;
        _destination = Directory.CreateDirectory(Path.Combine(_root, "destination")).FullName;
        _studies = Path.Combine(_root, "studies");
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, recursive: true);

    [Test]
    [Description("Contracts 1 and 2 as the PACS sees them: every finding of the delivered SR has the model's raw probability to 1e-6, and the any-finding item stands apart.")]
    public async Task Pushed_study_returns_as_sr_and_sc()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 21)[0];
        var expected = NodeStudy.AnalyzeOffline(study, Path.Combine(_root, "offline"));
        var (destination, port) = await DcmtkStorescp.StartAsync(_destination);
        using (destination)
        using (var node = await StartNodeAsync(port))
        {
            NodeStudy.Push(node.Port, study);
            await WaitForJobsAsync(JobState.Done, 1);
        }

        var srs = NodeStudy.ReceivedSrs(_destination);
        Assert.That(srs, Has.Count.EqualTo(1));
        Assert.That(NodeStudy.ReceivedScs(_destination), Is.Not.Empty);
        var source = DicomFile.Open(Directory.GetFiles(study)[0]).Dataset;
        var sr = srs[0].Dataset;
        Assert.That(sr.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(source.GetUid(DicomTags.StudyInstanceUID)));
        Assert.That(sr.GetString(DicomTags.PatientID), Is.EqualTo(source.GetString(DicomTags.PatientID)));

        var document = SrReader.Read(sr);
        var probabilities = expected[document.StudyInstanceUid];
        Assert.That(document.Findings, Has.Count.EqualTo(probabilities.Count));
        foreach (var (id, probability) in probabilities)
        {
            Assert.That(document.FindingByKey(id)?.Probability, Is.EqualTo(probability).Within(1e-6), id);
        }

        Assert.That(document.AnyFinding, Is.Not.Null);
    }

    [Test]
    [Description("The node dies after storing two of three instances; the sender, seeing no confirmation for the rest, sends the whole study again. Each instance is kept once, and the last SR covers all three.")]
    public async Task Killed_while_receiving_loses_nothing()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 22)[0];
        var files = Directory.GetFiles(study).Order(StringComparer.Ordinal).ToArray();
        var (destination, port) = await DcmtkStorescp.StartAsync(_destination);
        using (destination)
        {
            using (var first = await StartNodeAsync(port, quietPeriod: "00:05:00"))
            {
                NodeStudy.Push(first.Port, files[..2]);
                first.KillHard();
            }

            using var second = await StartNodeAsync(port);
            NodeStudy.Push(second.Port, files);
            await WaitForAllJobsEndedAsync();
        }

        var done = await ReadStoreAsync(store => store.GetJobsInStateAsync(JobState.Done));
        var srs = NodeStudy.ReceivedSrs(_destination);
        Assert.That(srs, Has.Count.EqualTo(done.Count), "one SR per finished job, none twice");
        Assert.That(srs.Max(EvidenceCount), Is.EqualTo(files.Length));
        Assert.That(done.Sum(job => job.InstanceCount), Is.EqualTo(files.Length));
        Assert.That(done.Sum(job => job.DuplicateCount), Is.EqualTo(2));
    }

    [Test]
    public async Task Killed_while_analysing_resumes_every_study()
    {
        const int StudyCount = 4;
        NodeStudy.Synthesize(_studies, StudyCount, 23);
        var (destination, port) = await DcmtkStorescp.StartAsync(_destination);
        using (destination)
        {
            using (var first = await StartNodeAsync(port, quietPeriod: "00:00:03"))
            {
                NodeStudy.Push(first.Port, [.. Directory.GetDirectories(_studies)]);
                await first.WaitForOutputAsync("Analysing study", 1, DeliveryLimit);
                first.KillHard();
            }

            var unfinished = 0;
            foreach (var state in new[] { JobState.Receiving, JobState.Ready, JobState.Analysing, JobState.Reporting })
            {
                unfinished += (await ReadStoreAsync(store => store.GetJobsInStateAsync(state))).Count;
            }

            Assert.That(unfinished, Is.Positive, "the kill came after every study was analysed, so the test proves nothing");

            using var second = await StartNodeAsync(port);
            await WaitForJobsAsync(JobState.Done, StudyCount);
        }

        var studies = NodeStudy.ReceivedSrs(_destination).Select(sr => sr.Dataset.GetUid(DicomTags.StudyInstanceUID)).ToList();
        Assert.That(studies, Has.Count.EqualTo(StudyCount));
        Assert.That(studies, Is.Unique);
    }

    [Test]
    public async Task Killed_while_sending_delivers_once()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 24)[0];
        var port = LoopbackPorts.FindFree();
        using (var first = await StartNodeAsync(port))
        {
            NodeStudy.Push(first.Port, study);
            await first.WaitForOutputAsync("retry", 2, DeliveryLimit);
            first.KillHard();
        }

        var sending = await ReadStoreAsync(store => store.GetJobsInStateAsync(JobState.Sending));
        Assert.That(sending, Has.Count.EqualTo(1));

        var (destination, _) = await DcmtkStorescp.StartAsync(_destination, port);
        using (destination)
        using (var second = await StartNodeAsync(port))
        {
            await WaitForJobsAsync(JobState.Done, 1);
        }

        Assert.That(NodeStudy.ReceivedSrs(_destination), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Destination_back_after_outage_gets_reports()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 25)[0];
        var port = LoopbackPorts.FindFree();
        using var node = await StartNodeAsync(port);
        NodeStudy.Push(node.Port, study);
        await node.WaitForOutputAsync("retry", 2, DeliveryLimit);

        var (destination, _) = await DcmtkStorescp.StartAsync(_destination, port);
        using (destination)
        {
            await WaitForJobsAsync(JobState.Done, 1);
        }

        Assert.That(NodeStudy.ReceivedSrs(_destination), Has.Count.EqualTo(1));
    }

    [Test]
    [Description("Instances that arrive after the study was analysed start a new analysis of the whole study, whose SR names the first SR as its predecessor.")]
    public async Task Late_instance_supersedes_first_report()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 26)[0];
        var files = Directory.GetFiles(study).Order(StringComparer.Ordinal).ToArray();
        var (destination, port) = await DcmtkStorescp.StartAsync(_destination);
        using (destination)
        using (var node = await StartNodeAsync(port))
        {
            NodeStudy.Push(node.Port, files[..^1]);
            await WaitForJobsAsync(JobState.Done, 1);
            NodeStudy.Push(node.Port, files[^1]);
            await WaitForJobsAsync(JobState.Done, 2);
        }

        var srs = NodeStudy.ReceivedSrs(_destination).OrderBy(sr => sr.Dataset.GetSequence(DicomTags.PredecessorDocumentsSequence) is null ? 0 : 1).ToList();
        Assert.That(srs, Has.Count.EqualTo(2));
        var predecessor = srs[1].Dataset.GetSequence(DicomTags.PredecessorDocumentsSequence)!.Items[0]
            .GetSequence(DicomTags.ReferencedSeriesSequence)!.Items[0].GetSequence(DicomTags.ReferencedSOPSequence)!.Items[0];
        Assert.That(predecessor.GetUid(DicomTags.ReferencedSOPInstanceUID), Is.EqualTo(srs[0].Dataset.GetUid(DicomTags.SOPInstanceUID)));
    }

    [Test]
    [Description("A PACS that routes the node's own SR and SC back to it must not get a second, \"not analysed\" report in place of the first.")]
    public async Task Own_reports_sent_back_are_ignored()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 27)[0];
        var (destination, port) = await DcmtkStorescp.StartAsync(_destination);
        using (destination)
        using (var node = await StartNodeAsync(port))
        {
            NodeStudy.Push(node.Port, study);
            await WaitForJobsAsync(JobState.Done, 1);
            var returned = Directory.CreateDirectory(Path.Combine(_root, "returned")).FullName;
            foreach (var file in Directory.GetFiles(_destination))
            {
                File.Copy(file, Path.Combine(returned, Path.GetFileName(file)));
            }

            NodeStudy.Push(node.Port, returned);
            await node.WaitForOutputAsync("brought only the node's own SR and SC back", 1, DeliveryLimit);
            await WaitForJobsAsync(JobState.Done, 2);
        }

        Assert.That(NodeStudy.ReceivedSrs(_destination), Has.Count.EqualTo(1));
    }

    [Test]
    [Description("The web endpoint counts jobs by state: after one delivered study, none is open and none failed.")]
    public async Task Health_endpoint_counts_jobs()
    {
        var study = NodeStudy.Synthesize(_studies, 1, 28)[0];
        var webPort = LoopbackPorts.FindFree();
        var (destination, port) = await DcmtkStorescp.StartAsync(_destination);
        using (destination)
        {
            var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
            settings["Web:Enabled"] = "true";
            settings["Web:Url"] = $"http://127.0.0.1:{webPort}";
            NodeProcess.AddDestination(settings, "pacs", port, DcmtkStorescp.AeTitle);
            using var node = await NodeProcess.StartAsync(_node, settings);
            NodeStudy.Push(node.Port, study);
            await WaitForJobsAsync(JobState.Done, 1);

            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{webPort}/health"));
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(json.RootElement.GetProperty("jobs").GetProperty("Sending").GetInt32(), Is.Zero);
            Assert.That(json.RootElement.GetProperty("jobs").GetProperty("Failed").GetInt32(), Is.Zero);
            Assert.That(json.RootElement.GetProperty("latestFailures").GetArrayLength(), Is.Zero);
            var destinations = json.RootElement.GetProperty("destinations");
            Assert.That(destinations.GetArrayLength(), Is.EqualTo(1));
            Assert.That(destinations[0].GetProperty("name").GetString(), Is.EqualTo("pacs"));
            Assert.That(destinations[0].GetProperty("circuit").GetString(), Is.EqualTo("Closed"));
        }
    }

    [Test]
    public async Task Sigterm_stops_node_cleanly()
    {
        using var node = await StartNodeAsync(LoopbackPorts.FindFree());

        node.Terminate();

        Assert.That(node.WaitForExit(), Is.Zero, node.Output);
        Assert.That(node.Output, Does.Contain("AI Node stopped"));
    }

    private async Task<NodeProcess> StartNodeAsync(int destinationPort, string quietPeriod = "00:00:01")
    {
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        settings["StudyAssembly:QuietPeriod"] = quietPeriod;
        NodeProcess.AddDestination(settings, "pacs", destinationPort, DcmtkStorescp.AeTitle);
        return await NodeProcess.StartAsync(_node, settings);
    }

    /// <summary>Waits until the node's job store contains <paramref name="count"/> jobs in <paramref name="state"/>.</summary>
    private async Task WaitForJobsAsync(JobState state, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var jobs = await ReadStoreAsync(store => store.GetJobsInStateAsync(state));
            if (jobs.Count >= count)
            {
                return;
            }

            if (clock.Elapsed > DeliveryLimit)
            {
                Assert.Fail($"{jobs.Count} of {count} job(s) reached {state} within {DeliveryLimit.TotalSeconds} s.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until at least one job is done and no job is left in a state before Done.</summary>
    private async Task WaitForAllJobsEndedAsync()
    {
        JobState[] open = [JobState.Receiving, JobState.Ready, JobState.Analysing, JobState.Reporting, JobState.Sending];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var done = await ReadStoreAsync(store => store.GetJobsInStateAsync(JobState.Done));
            var waiting = 0;
            foreach (var state in open)
            {
                waiting += (await ReadStoreAsync(store => store.GetJobsInStateAsync(state))).Count;
            }

            if (done.Count > 0 && waiting == 0)
            {
                return;
            }

            if (clock.Elapsed > DeliveryLimit)
            {
                Assert.Fail($"{waiting} job(s) still open and {done.Count} done after {DeliveryLimit.TotalSeconds} s.");
            }

            await Task.Delay(200);
        }
    }

    private static int EvidenceCount(DicomFile sr) =>
        sr.Dataset.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence)!.Items
            .SelectMany(study => study.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items)
            .Sum(series => series.GetSequence(DicomTags.ReferencedSOPSequence)!.Items.Count);

    /// <summary>Reads the node's own SQLite job store, as the node left it; an empty list where it has no store yet.</summary>
    private async Task<IReadOnlyList<Job>> ReadStoreAsync(Func<IJobStore, Task<IReadOnlyList<Job>>> read)
    {
        var path = Path.Combine(_node, "var", "jobs.db");
        if (!File.Exists(path))
        {
            return [];
        }

        using var store = new SqliteJobStore(path, TimeSpan.FromSeconds(5), NullLogger<SqliteJobStore>.Instance);
        return await read(store);
    }
}
