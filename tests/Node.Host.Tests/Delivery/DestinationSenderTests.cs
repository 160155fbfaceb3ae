using System.Net;
using Microsoft.Extensions.Time.Testing;
using Node.Dicom.IO;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Dicom.Tags;
using Node.Host.Configuration;
using Node.Host.Delivery;
using Polly.CircuitBreaker;

namespace Node.Host.Tests.Delivery;

/// <summary><see cref="DestinationSender"/> against DCMTK's storescp and our own DicomServer on loopback ports.</summary>
[TestFixture]
public sealed class DestinationSenderTests
{
    /// <summary>Bound on every await of a round.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    /// <summary>A break no test waits out on the real clock; the fake clock skips it.</summary>
    private static readonly TimeSpan LongBreak = TimeSpan.FromMinutes(10);

    private const long JobId = 42;

    /// <summary>Event ids of <see cref="DeliveryLog"/>.</summary>
    private const int RetryScheduled = 5000;
    private const int CircuitOpened = 5001;
    private const int CircuitClosed = 5003;
    private const int ProbeSucceeded = 5004;
    private const int ProbeFailed = 5005;
    private const int RoundFailed = 5008;

    private TestLoggerFactory _logs = null!;
    private string _reports = null!;
    private string _received = null!;

    [SetUp]
    public void CreateFolders()
    {
        _logs = new TestLoggerFactory();
        _reports = Directory.CreateTempSubdirectory("ainode-reports-").FullName;
        _received = Directory.CreateTempSubdirectory("ainode-received-").FullName;
    }

    [TearDown]
    public void DeleteFolders()
    {
        Directory.Delete(_reports, recursive: true);
        Directory.Delete(_received, recursive: true);
    }

    [Test]
    [Description("The normal case: one round, one association, each report stored once.")]
    public async Task Send_delivers_every_file_once()
    {
        var port = LoopbackPorts.FindFree();
        using var storescp = await Storescp.StartAsync(_received, port);
        var files = ReportFiles.Write(_reports);
        var sender = StorescpSender(port, Settings(), TimeProvider.System);

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(results.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered), storescp.Output);
        Assert.That(results.Select(result => result.Status), Is.All.EqualTo(DimseStatus.Success));
        Assert.That(results.Select(result => result.Attempts), Is.All.EqualTo(1));
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
        Assert.That(Storescp.Associations(storescp), Is.EqualTo(1), storescp.Output);
        Assert.That(_logs.Count(RetryScheduled), Is.Zero);
    }

    [Test]
    [Description("A destination with Tls set reaches storescp over TLS: it checks storescp's certificate against its trusted file, and presents its own, which storescp checks in turn.")]
    public async Task Send_over_tls_delivers_files()
    {
        var server = TestCertificates.Write(_reports, "pacs", "localhost");
        var client = TestCertificates.Write(_reports, "node", "ainode-test-node");
        var port = LoopbackPorts.FindFree();
        using var storescp = await Storescp.StartAsync(_received, port, "+tls", server.Key, server.Certificate, "+cf", client.Certificate);
        var files = ReportFiles.Write(_reports);
        var sender = TlsSender(port, new DestinationTlsOptions { Enabled = true, TrustedCertificatesFile = server.Certificate, CertificateFile = client.Certificate, PrivateKeyFile = client.Key });

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(results.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered), storescp.Output);
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
    }

    [Test]
    [Description("A destination whose certificate does not chain to the trusted file gets nothing: the round fails instead of sending in the clear.")]
    public async Task Untrusted_tls_destination_gets_nothing()
    {
        var server = TestCertificates.Write(_reports, "pacs", "localhost");
        var other = TestCertificates.Write(_reports, "other", "localhost");
        var port = LoopbackPorts.FindFree();
        using var storescp = await Storescp.StartAsync(_received, port, "+tls", server.Key, server.Certificate, "-ic");
        var files = ReportFiles.Write(_reports);
        var sender = TlsSender(port, new DestinationTlsOptions { Enabled = true, TrustedCertificatesFile = other.Certificate });

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(results.Select(result => result.Outcome), Has.None.EqualTo(FileDeliveryOutcome.Delivered), storescp.Output);
        Assert.That(Directory.GetFiles(_received), Is.Empty);
    }

    [Test]
    [Description("A destination that starts listening while the sender retries gets every file once, and each retry is logged.")]
    public async Task Send_retries_until_destination_starts()
    {
        Storescp.RequireProgram();
        var port = LoopbackPorts.FindFree();
        var files = ReportFiles.Write(_reports);

        // Many short real delays, so storescp has ample time to start while the retries go on.
        var settings = Settings(maxRetryAttempts: 100, baseDelay: TimeSpan.FromMilliseconds(50), maxDelay: TimeSpan.FromMilliseconds(300));
        var sender = StorescpSender(port, settings, TimeProvider.System);

        var sending = sender.SendAsync(JobId, files);
        await _logs.WaitForAsync(RetryScheduled).WaitAsync(Guard);
        using var storescp = await Storescp.StartAsync(_received, port);
        var results = await sending.WaitAsync(Guard);

        Assert.That(results.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered), storescp.Output);
        Assert.That(results.Select(result => result.Attempts), Is.All.GreaterThan(1));
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
        Assert.That(_logs.Entries.Where(line => line.EventId == RetryScheduled).Select(line => line.Text), Has.All.Contains("pacs").And.All.Contains($"job {JobId}"));
    }

    [Test]
    [Description("A round that worked before the destination went down does not keep the circuit closed: the threshold counts the failed rounds since the last round that worked.")]
    public async Task Circuit_opens_after_failures_following_success()
    {
        Storescp.RequireProgram();
        var port = LoopbackPorts.FindFree();
        var files = ReportFiles.Write(_reports);
        var sender = StorescpSender(port, Settings(maxRetryAttempts: 1, failureThreshold: 2), new FakeTimeProvider());
        IReadOnlyList<FileDeliveryResult> delivered;
        using (await Storescp.StartAsync(_received, port))
        {
            delivered = await sender.SendAsync(JobId, files).WaitAsync(Guard);
        }

        await sender.SendAsync(JobId, files).WaitAsync(Guard);
        var stateAfterOneFailure = sender.CircuitState;
        await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(delivered.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered));
        Assert.That(stateAfterOneFailure, Is.EqualTo(CircuitState.Closed));
        Assert.That(sender.CircuitState, Is.EqualTo(CircuitState.Open));
        Assert.That(_logs.Count(CircuitOpened), Is.EqualTo(1));
        Assert.That(_logs.Count(CircuitClosed), Is.Zero, "clearing the count of a closed circuit is not a state change");
    }

    [Test]
    [Description("A destination down past the retry limit leaves the files not attempted; the circuit opens after the threshold of failed rounds, and a C-ECHO probe closes it once the destination is back.")]
    public async Task Circuit_opens_then_probe_closes_it()
    {
        Storescp.RequireProgram();
        var port = LoopbackPorts.FindFree();
        var files = ReportFiles.Write(_reports);
        var clock = new FakeTimeProvider();
        var sender = StorescpSender(port, Settings(maxRetryAttempts: 2, failureThreshold: 2), clock);

        var first = await sender.SendAsync(JobId, files).WaitAsync(Guard);
        var stateAfterFirst = sender.CircuitState;
        var second = await sender.SendAsync(JobId, files).WaitAsync(Guard);
        var stateAfterSecond = sender.CircuitState;
        var whileOpen = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(first.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.NotAttempted));
        Assert.That(first.Select(result => result.Attempts), Is.All.EqualTo(3), "one attempt and two retries");
        Assert.That(first.Select(result => result.Error), Is.All.Not.Null);
        Assert.That(stateAfterFirst, Is.EqualTo(CircuitState.Closed));
        Assert.That(second.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.NotAttempted));
        Assert.That(stateAfterSecond, Is.EqualTo(CircuitState.Open));
        Assert.That(_logs.Count(CircuitOpened), Is.EqualTo(1));
        Assert.That(_logs.Count(RetryScheduled), Is.EqualTo(4));
        Assert.That(whileOpen.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.NotAttempted));
        Assert.That(whileOpen.Select(result => result.Attempts), Is.All.Zero);
        Assert.That(whileOpen.Select(result => result.Error), Is.All.Contains("circuit"));

        // The destination is back, but the circuit stays open until the break ends.
        using var storescp = await Storescp.StartAsync(_received, port);
        var beforeBreakEnds = await sender.SendAsync(JobId, files).WaitAsync(Guard);
        clock.Advance(LongBreak);
        var afterBreak = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(beforeBreakEnds.Select(result => result.Attempts), Is.All.Zero);
        Assert.That(afterBreak.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered), storescp.Output);
        Assert.That(sender.CircuitState, Is.EqualTo(CircuitState.Closed));
        Assert.That(_logs.Count(ProbeSucceeded), Is.EqualTo(1));
        Assert.That(_logs.Count(CircuitClosed), Is.EqualTo(1));
        Assert.That(ReceivedUids(), Is.EquivalentTo(files.Select(file => file.SopInstanceUid)));
        Assert.That(Storescp.Associations(storescp), Is.EqualTo(2), "the probe's association and the files' association");
    }

    [Test]
    [Description("A failed C-ECHO probe opens the circuit for another break and sends no file.")]
    public async Task Failed_probe_keeps_circuit_open()
    {
        var port = LoopbackPorts.FindFree();
        var files = ReportFiles.Write(_reports);
        var clock = new FakeTimeProvider();
        var sender = StorescpSender(port, Settings(maxRetryAttempts: 1, failureThreshold: 2), clock);
        await sender.SendAsync(JobId, files).WaitAsync(Guard);
        await sender.SendAsync(JobId, files).WaitAsync(Guard);

        clock.Advance(LongBreak);
        var probed = await sender.SendAsync(JobId, files).WaitAsync(Guard);
        var afterProbe = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(probed.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.NotAttempted));
        Assert.That(probed.Select(result => result.Error), Is.All.Contains("C-ECHO probe"));
        Assert.That(probed.Select(result => result.Attempts), Is.All.Zero);
        Assert.That(_logs.Count(ProbeFailed), Is.EqualTo(1));
        Assert.That(sender.CircuitState, Is.EqualTo(CircuitState.Open));
        Assert.That(afterProbe.Select(result => result.Error), Is.All.Contains("circuit"));
        Assert.That(_logs.Count(CircuitOpened), Is.EqualTo(2));
    }

    [Test]
    [Description("A failure status that is not transient rejects that file at once; the other files of the association are delivered once.")]
    public async Task Send_rejects_file_with_failure_status()
    {
        var files = ReportFiles.Write(_reports);
        var refused = files[1].SopInstanceUid;
        var handler = new ScriptedStoreHandler();
        handler.Script[refused] = [new DicomStoreResult(DimseStatus.CannotUnderstand, "refused by the test")];
        await using var server = await StartServerAsync(handler);
        var sender = ServerSender(server, Settings(), new FakeTimeProvider());

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        var rejected = results.Single(result => result.SopInstanceUid == refused);
        Assert.That(rejected.Outcome, Is.EqualTo(FileDeliveryOutcome.Rejected));
        Assert.That(rejected.Status, Is.EqualTo(DimseStatus.CannotUnderstand));
        Assert.That(rejected.Error, Does.Contain("refused by the test"));
        Assert.That(results.Where(result => result.SopInstanceUid != refused).Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered));
        Assert.That(files.Select(file => handler.Requests(file.SopInstanceUid)), Is.All.EqualTo(1));
        Assert.That(_logs.Count(RetryScheduled), Is.Zero);
        Assert.That(sender.CircuitState, Is.EqualTo(CircuitState.Closed));
    }

    [Test]
    [Description("Out of resources (A700) is transient: the retry sends that file again, and only that file.")]
    public async Task Send_retries_file_out_of_resources()
    {
        var files = ReportFiles.Write(_reports);
        var busy = files[2].SopInstanceUid;
        var handler = new ScriptedStoreHandler();
        handler.Script[busy] = [new DicomStoreResult(DimseStatus.OutOfResources), DicomStoreResult.Success];
        await using var server = await StartServerAsync(handler);
        var sender = ServerSender(server, Settings(), new FakeTimeProvider());

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(results.Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered));
        Assert.That(handler.Requests(busy), Is.EqualTo(2));
        Assert.That(files.Where(file => file.SopInstanceUid != busy).Select(file => handler.Requests(file.SopInstanceUid)), Is.All.EqualTo(1));
        Assert.That(_logs.Count(RetryScheduled), Is.EqualTo(1));
    }

    [Test]
    [Description("A file answered out of resources on every attempt is rejected with that status once the retries are spent.")]
    public async Task Send_rejects_file_out_of_resources_past_limit()
    {
        var files = ReportFiles.Write(_reports);
        var busy = files[0].SopInstanceUid;
        var handler = new ScriptedStoreHandler();
        handler.Script[busy] = [new DicomStoreResult(DimseStatus.OutOfResources)];
        await using var server = await StartServerAsync(handler);
        var sender = ServerSender(server, Settings(maxRetryAttempts: 2), new FakeTimeProvider());

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        var rejected = results.Single(result => result.SopInstanceUid == busy);
        Assert.That(rejected.Outcome, Is.EqualTo(FileDeliveryOutcome.Rejected));
        Assert.That(rejected.Status, Is.EqualTo(DimseStatus.OutOfResources));
        Assert.That(rejected.Attempts, Is.EqualTo(3));
        Assert.That(handler.Requests(busy), Is.EqualTo(3));
        Assert.That(files.Where(file => file.SopInstanceUid != busy).Select(file => handler.Requests(file.SopInstanceUid)), Is.All.EqualTo(1));
        Assert.That(_logs.Count(RoundFailed), Is.EqualTo(1));
    }

    [Test]
    [Description("A file that cannot be read is rejected before any association; the readable files still go.")]
    public async Task Send_rejects_unreadable_file()
    {
        var files = ReportFiles.Write(_reports, imageCount: 1).ToList();
        var missing = (SopInstanceUid: "2.25.1", Path: Path.Combine(_reports, "missing.dcm"));
        files.Add(missing);
        var handler = new ScriptedStoreHandler();
        await using var server = await StartServerAsync(handler);
        var sender = ServerSender(server, Settings(), new FakeTimeProvider());

        var results = await sender.SendAsync(JobId, files).WaitAsync(Guard);

        Assert.That(results[^1].Outcome, Is.EqualTo(FileDeliveryOutcome.Rejected));
        Assert.That(results[^1].Attempts, Is.Zero);
        Assert.That(results[^1].Error, Does.Contain("cannot be read"));
        Assert.That(results.Take(2).Select(result => result.Outcome), Is.All.EqualTo(FileDeliveryOutcome.Delivered));
    }

    [Test]
    public void Sender_rejects_failure_threshold_below_two()
    {
        var settings = Settings(failureThreshold: 1);

        var exception = Assert.Throws<ArgumentException>(() => StorescpSender(LoopbackPorts.FindFree(), settings, TimeProvider.System));

        Assert.That(exception?.Message, Does.StartWith("Invalid Destinations:CircuitBreakerFailureThreshold: 1 is below 2, the least Polly's circuit breaker accepts."));
    }

    /// <summary>Settings for tests; a zero base delay makes retries immediate, so the fake clock need not move for them.</summary>
    private static DestinationsOptions Settings(int maxRetryAttempts = 3, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, int failureThreshold = 3) => new()
    {
        MaxRetryAttempts = maxRetryAttempts,
        RetryBaseDelay = baseDelay ?? TimeSpan.Zero,
        RetryMaxDelay = maxDelay ?? TimeSpan.Zero,
        CircuitBreakerFailureThreshold = failureThreshold,
        CircuitBreakerBreakDuration = LongBreak,
    };

    private DestinationSender StorescpSender(int port, DestinationsOptions settings, TimeProvider clock) =>
        new(new DestinationOptions { Name = "pacs", Host = IPAddress.Loopback.ToString(), Port = port, CalledAeTitle = Storescp.AeTitle }, settings, _logs, clock);

    /// <summary>A sender to storescp on <paramref name="port"/> with <paramref name="tls"/>, one retry.</summary>
    private DestinationSender TlsSender(int port, DestinationTlsOptions tls) =>
        new(new DestinationOptions { Name = "pacs", Host = IPAddress.Loopback.ToString(), Port = port, CalledAeTitle = Storescp.AeTitle, Tls = tls }, Settings(maxRetryAttempts: 1), _logs, TimeProvider.System);

    private DestinationSender ServerSender(DicomServer server, DestinationsOptions settings, TimeProvider clock) =>
        new(new DestinationOptions { Name = "node", Host = IPAddress.Loopback.ToString(), Port = server.LocalEndPoint.Port, CalledAeTitle = DicomServerOptions.DefaultAeTitle, CallingAeTitle = "SENDER" }, settings, _logs, clock);

    private async Task<DicomServer> StartServerAsync(IDicomStoreHandler handler)
    {
        var options = new DicomServerOptions { BindAddress = IPAddress.Loopback, Port = 0, ShutdownGracePeriod = TimeSpan.FromSeconds(2) };
        var server = new DicomServer(options, handler, _logs);
        await server.StartAsync();
        return server;
    }

    /// <summary>The SOP Instance UID of every file storescp wrote, one entry per file.</summary>
    private List<string> ReceivedUids() =>
        [.. Directory.GetFiles(_received).Select(path => DicomFile.Open(path).Dataset.GetUid(DicomTags.SOPInstanceUID)!)];
}
