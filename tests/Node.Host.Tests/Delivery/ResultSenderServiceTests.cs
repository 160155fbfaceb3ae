using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Node.Dicom.IO;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Host.Configuration;
using Node.Host.Delivery;
using Node.Host.Jobs;
using Node.Host.Jobs.Sqlite;

namespace Node.Host.Tests.Delivery;

/// <summary><see cref="ResultSenderService"/> polls a real SQLite job store and sends to storescp or our own DicomServer on loopback ports.</summary>
[TestFixture]
public sealed class ResultSenderServiceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private const string Study = "1.2.826.0.1.3680043.8.498.1";

    /// <summary>Event ids of <see cref="DeliveryLog"/>.</summary>
    private const int JobSent = 5020;
    private const int DeliveryFailed = 5021;
    private const int JobFailed = 5022;
    private const int ResentAfterRestart = 5023;

    private TestLoggerFactory _logs = null!;
    private string _root = null!;
    private string _received = null!;
    private SqliteJobStore _store = null!;

    [SetUp]
    public async Task CreateStore()
    {
        _logs = new TestLoggerFactory();
        _root = Directory.CreateTempSubdirectory("ainode-sender-").FullName;
        _received = Directory.CreateTempSubdirectory("ainode-received-").FullName;
        _store = new SqliteJobStore(Path.Combine(_root, "jobs.db"), TimeSpan.FromSeconds(5), NullLogger.Instance);
        await _store.InitializeAsync();
    }

    [TearDown]
    public void DeleteFolders()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_received, recursive: true);
    }

    [Test]
    public async Task Poll_delivers_job_and_ends_it()
    {
        var port = LoopbackPorts.FindFree();
        using var storescp = await Storescp.StartAsync(_received, port);
        var (jobId, files) = await SendingJobAsync(JobOutcomes.Analysed, "pacs");
        var service = Service(Settings(("pacs", port, Storescp.AeTitle)));

        await service.PollOnceAsync().WaitAsync(Guard);

        var deliveries = await _store.GetDeliveriesAsync(jobId);
        Assert.That(deliveries.Select(delivery => delivery.State), Is.All.EqualTo(DeliveryState.Delivered), storescp.Output);
        Assert.That(deliveries.Select(delivery => delivery.DeliveredAt), Is.All.Not.Null);
        Assert.That((await _store.GetJobAsync(jobId))!.State, Is.EqualTo(JobState.Done));
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
        Assert.That(Storescp.Associations(storescp), Is.EqualTo(1));
        Assert.That(_logs.Count(JobSent), Is.EqualTo(1));
        Assert.That(_logs.Entries.Single(line => line.EventId == JobSent).Text, Does.Contain(Study));
    }

    [Test]
    [Description("Every destination gets every file, and the job ends only when both have them.")]
    public async Task Poll_sends_to_every_destination()
    {
        var firstPort = LoopbackPorts.FindFree();
        using var first = await Storescp.StartAsync(_received, firstPort);
        var handler = new ScriptedStoreHandler();
        await using var server = await StartServerAsync(handler);
        var (jobId, files) = await SendingJobAsync(JobOutcomes.NotAnalysed, "pacs", "archive");
        var service = Service(Settings(("pacs", firstPort, Storescp.AeTitle), ("archive", server.LocalEndPoint.Port, DicomServerOptions.DefaultAeTitle)));

        await service.PollOnceAsync().WaitAsync(Guard);

        Assert.That((await _store.GetDeliveriesAsync(jobId)).Select(delivery => delivery.State), Is.All.EqualTo(DeliveryState.Delivered));
        Assert.That((await _store.GetJobAsync(jobId))!.State, Is.EqualTo(JobState.NotAnalysed));
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
        Assert.That(files.Select(file => handler.Requests(file.SopInstanceUid)), Is.All.EqualTo(1));
    }

    [Test]
    [Description("A rejected file fails the job, and the last error names the file, the destination and the status.")]
    public async Task Poll_fails_job_with_rejected_file()
    {
        var (jobId, files) = await SendingJobAsync(JobOutcomes.Analysed, "node");
        var refused = files[1].SopInstanceUid;
        var handler = new ScriptedStoreHandler();
        handler.Script[refused] = [new DicomStoreResult(DimseStatus.CannotUnderstand, "refused by the test")];
        await using var server = await StartServerAsync(handler);
        var service = Service(Settings(("node", server.LocalEndPoint.Port, DicomServerOptions.DefaultAeTitle)));

        await service.PollOnceAsync().WaitAsync(Guard);

        var job = await _store.GetJobAsync(jobId);
        var deliveries = await _store.GetDeliveriesAsync(jobId);
        Assert.That(job!.State, Is.EqualTo(JobState.Failed));
        Assert.That(job.LastError, Does.Contain(refused));
        Assert.That(job.LastError, Does.Contain("'node'"));
        Assert.That(job.LastError, Does.Contain("0xC000"));
        Assert.That(deliveries.Single(delivery => delivery.SopInstanceUid == refused).State, Is.EqualTo(DeliveryState.Rejected));
        Assert.That(deliveries.Where(delivery => delivery.SopInstanceUid != refused).Select(delivery => delivery.State), Is.All.EqualTo(DeliveryState.Delivered));
        Assert.That(files.Select(file => handler.Requests(file.SopInstanceUid)), Is.All.EqualTo(1));
        Assert.That(_logs.Count(JobFailed), Is.EqualTo(1));
        Assert.That(_logs.Count(DeliveryFailed), Is.EqualTo(1));
    }

    [Test]
    [Description("With no destination configured the job has no deliveries and ends at its first poll.")]
    public async Task Poll_ends_job_without_deliveries()
    {
        var (jobId, _) = await SendingJobAsync(JobOutcomes.Analysed);
        var service = Service(Settings());

        await service.PollOnceAsync().WaitAsync(Guard);

        Assert.That((await _store.GetJobAsync(jobId))!.State, Is.EqualTo(JobState.Done));
    }

    [Test]
    [Description("A destination that is down leaves the job in Sending with its files pending; once it is back the next poll delivers them. The first poll's send is logged as possibly repeated, since the job was in Sending when the sender started.")]
    public async Task Poll_keeps_job_sending_while_destination_down()
    {
        var port = LoopbackPorts.FindFree();
        Storescp.RequireProgram();
        var (jobId, files) = await SendingJobAsync(JobOutcomes.Analysed, "pacs");
        var service = Service(Settings(("pacs", port, Storescp.AeTitle)));

        await service.PollOnceAsync().WaitAsync(Guard);
        var jobWhileDown = await _store.GetJobAsync(jobId);
        var deliveriesWhileDown = await _store.GetDeliveriesAsync(jobId);
        using var storescp = await Storescp.StartAsync(_received, port);
        await service.PollOnceAsync().WaitAsync(Guard);

        Assert.That(jobWhileDown!.State, Is.EqualTo(JobState.Sending));
        Assert.That(deliveriesWhileDown.Select(delivery => delivery.State), Is.All.EqualTo(DeliveryState.Pending));
        Assert.That(deliveriesWhileDown.Select(delivery => delivery.Attempts), Is.All.EqualTo(1));
        Assert.That(deliveriesWhileDown.Select(delivery => delivery.LastError), Is.All.Not.Null);
        Assert.That((await _store.GetJobAsync(jobId))!.State, Is.EqualTo(JobState.Done));
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
        Assert.That(_logs.Count(ResentAfterRestart), Is.EqualTo(1));
    }

    /// <summary>Brings a new job of the study to Sending with the given outcome, its report files in the outbox and a pending delivery per destination.</summary>
    private async Task<(long JobId, IReadOnlyList<(string SopInstanceUid, string Path)> Files)> SendingJobAsync(string outcome, params string[] destinations)
    {
        await _store.RecordInstanceAsync(new ReceivedInstance(Study, Study + ".1", DicomUids.CTImageStorage, Study + ".1.1", DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "instances/1.dcm", 1000, "MODALITY", "127.0.0.1", "1"), Start);
        await _store.MarkQuietJobsReadyAsync(Start.AddMinutes(1), TimeSpan.FromSeconds(10));
        var job = (await _store.ClaimAsync(JobState.Ready, JobState.Analysing, Start.AddMinutes(1)))!;
        await _store.TransitionAsync(job.Id, JobState.Analysing, JobState.Reporting, Start.AddMinutes(2), outcome: outcome);
        await _store.TransitionAsync(job.Id, JobState.Reporting, JobState.Sending, Start.AddMinutes(3), outboxFolder: $"outbox/{job.Id}");

        var outbox = Directory.CreateDirectory(Path.Combine(_root, "outbox", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        var files = ReportFiles.Write(outbox);
        var relative = files.Select(file => (file.SopInstanceUid, Path.GetRelativePath(_root, file.Path).Replace(Path.DirectorySeparatorChar, '/'))).ToList();
        await _store.AddDeliveriesAsync(job.Id, destinations, relative);
        return (job.Id, files);
    }

    private ResultSenderService Service(DestinationsOptions settings) =>
        new(_store, Options.Create(settings), Options.Create(new StorageOptions { Root = _root, FreeDiskMarginMegabytes = 0 }), _logs, new FakeTimeProvider(Start.AddMinutes(5)));

    /// <summary>One retry with no delay, so a destination that is down fails a poll at once.</summary>
    private static DestinationsOptions Settings(params (string Name, int Port, string CalledAeTitle)[] peers) => new()
    {
        Peers = [.. peers.Select(peer => new DestinationOptions { Name = peer.Name, Host = IPAddress.Loopback.ToString(), Port = peer.Port, CalledAeTitle = peer.CalledAeTitle })],
        MaxRetryAttempts = 1,
        RetryBaseDelay = TimeSpan.Zero,
        RetryMaxDelay = TimeSpan.Zero,
    };

    private async Task<DicomServer> StartServerAsync(IDicomStoreHandler handler)
    {
        var options = new DicomServerOptions { BindAddress = IPAddress.Loopback, Port = 0, ShutdownGracePeriod = TimeSpan.FromSeconds(2) };
        var server = new DicomServer(options, handler, _logs);
        await server.StartAsync();
        return server;
    }

    private List<string> ReceivedUids() =>
        [.. Directory.GetFiles(_received).Select(path => DicomFile.Open(path).Dataset.GetUid(DicomTags.SOPInstanceUID)!)];
}
