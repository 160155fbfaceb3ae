using Node.Dicom.Data;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Tests.Support;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Network.Tests.Server;

/// <summary>A handler that takes each data set fragment by fragment on the read loop (<see cref="IDicomInlineStoreHandler"/>), driven by a scripted peer.</summary>
[TestFixture]
public sealed class InlineStoreTests
{
    private const string ImplicitLittle = "1.2.840.10008.1.2";
    private const byte CtContext = 3;

    /// <summary>Event id of the warning for a C-STORE dropped before its data set was complete.</summary>
    private const int StoreDropped = 1306;

    private RecordingInlineHandler _handler = null!;
    private DicomServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _handler = new RecordingInlineHandler();
        _server = await TestServers.StartAsync(_handler);
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    [Description("Three fragments in three PDUs reach the writer in order, then one completion, one disposal and a success response.")]
    public async Task Inline_writer_gets_fragments_in_order()
    {
        using var peer = await AssociateAsync();
        var dataSet = Bytes(3_500);

        var response = await StoreAsync(peer, 7, "1.2.3.7", dataSet[..1_000], dataSet[1_000..3_000], dataSet[3_000..]);

        var writer = _handler.Writers.Single();
        Assert.That(response.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(writer.Bytes, Is.EqualTo(dataSet));
        Assert.That(writer.Fragments, Is.EqualTo(3));
        Assert.That(writer.Request.SopInstanceUid, Is.EqualTo("1.2.3.7"));
        Assert.That(writer.Request.TransferSyntax.Uid, Is.EqualTo(ImplicitLittle));
        Assert.That(writer.Completions, Is.EqualTo(1));
        Assert.That(writer.Disposals, Is.EqualTo(1));
    }

    [Test]
    [Description("A write that fails with an I/O fault gets A700 once the data set has arrived; the writer is disposed and not completed, and the association serves the next instance.")]
    public async Task Inline_write_failure_answers_out_of_resources()
    {
        using var peer = await AssociateAsync();
        _handler.WriteFailure = (1_500, new IOException("No space left on device"));

        var failed = await StoreAsync(peer, 1, "1.2.3.1", Bytes(1_000), Bytes(1_000), Bytes(1_000));
        _handler.WriteFailure = null;
        var next = await StoreAsync(peer, 2, "1.2.3.2", Bytes(500));

        var first = _handler.Writers.First();
        Assert.That(failed.Status, Is.EqualTo(DimseStatus.OutOfResources));
        Assert.That(failed.ErrorComment, Does.Contain("No space left"));
        Assert.That(first.Completions, Is.Zero);
        Assert.That(first.Disposals, Is.EqualTo(1));
        Assert.That(first.Fragments, Is.EqualTo(1));
        Assert.That(next.Status, Is.EqualTo(DimseStatus.Success));
    }

    [Test]
    [Description("Begin that throws gets the status for its exception, and the data set is read and dropped.")]
    public async Task Inline_begin_failure_drops_data_set()
    {
        using var peer = await AssociateAsync();
        _handler.BeginFailure = new UnauthorizedAccessException("Access to the store folder is denied");

        var response = await StoreAsync(peer, 4, "1.2.3.4", Bytes(800), Bytes(800));

        Assert.That(response.Status, Is.EqualTo(DimseStatus.OutOfResources));
        Assert.That(response.ErrorComment, Does.Contain("denied"));
        Assert.That(_handler.Writers, Is.Empty);
    }

    [Test]
    [Description("A SOP Instance UID with a leading zero in a component gets 0117 with the reason, and no writer begins.")]
    public async Task Leading_zero_uid_gets_0117()
    {
        using var peer = await AssociateAsync();
        var command = DimseCommand.CreateStoreRequest(10, DicomStorageSopClasses.CTImage, "1.2.3.10");
        command.Dataset.Set(new DicomValueElement(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, "1.02.3\0"u8.ToArray()));

        await peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, true, true, command.Encode())]));
        await peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, false, true, Bytes(400))]));
        var response = DimseCommand.Decode(((PDataTf)(await peer.ReceiveAsync())!).Values.Single().Fragment);

        Assert.That(response.Status, Is.EqualTo(DimseStatus.InvalidSopInstance));
        Assert.That(response.ErrorComment, Does.Contain("1.02.3"));
        Assert.That(_handler.Writers, Is.Empty);
    }

    [Test]
    [Description("A-ABORT in the middle of a data set disposes the writer without completing it, and one warning names the instance dropped.")]
    public async Task Inline_abort_mid_data_set_disposes()
    {
        using var logs = new TestLoggerFactory();
        await using var server = new DicomServer(TestServers.Options(), _handler, logs);
        await server.StartAsync();
        using var peer = await RawPeer.AssociateAsync(server.LocalEndPoint);
        await SendCommandAsync(peer, 5, "1.2.3.5");
        await peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, false, false, Bytes(600))]));
        await _handler.FirstFragment.Task.WaitAsync(TestServers.Guard);

        await peer.SendAsync(new AAbort(AbortSource.ServiceUser, AbortReason.NotSpecified));
        await _handler.Disposed.Task.WaitAsync(TestServers.Guard);

        await server.StopAsync();

        var writer = _handler.Writers.Single();
        Assert.That(writer.Completions, Is.Zero);
        Assert.That(writer.Disposals, Is.EqualTo(1));
        Assert.That(logs.Count(StoreDropped), Is.EqualTo(1));
        Assert.That(logs.Lines.Single(line => line.Contains("dropped", StringComparison.Ordinal)), Does.Contain("1.2.3.5"));
    }

    [Test]
    [Description("A release request in the middle of a data set disposes the writer, sends no C-STORE response, and is answered with A-RELEASE-RP.")]
    public async Task Inline_release_mid_data_set_disposes()
    {
        using var peer = await AssociateAsync();
        await SendCommandAsync(peer, 6, "1.2.3.6");
        await peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, false, false, Bytes(600))]));

        await peer.SendAsync(new AReleaseRq());
        var answer = await peer.ReceiveAsync();

        var writer = _handler.Writers.Single();
        Assert.That(answer, Is.TypeOf<AReleaseRp>());
        Assert.That(writer.Completions, Is.Zero);
        Assert.That(writer.Disposals, Is.EqualTo(1));
    }

    [Test]
    [Description("A peer that stops in the middle of a data set is aborted after the idle timeout, so it cannot hold an association slot for good, and the writer is disposed.")]
    public async Task Stall_mid_data_set_is_aborted()
    {
        await using var server = await TestServers.StartAsync(_handler, options => options.IdleTimeout = TimeSpan.FromSeconds(1));
        using var peer = await RawPeer.AssociateAsync(server.LocalEndPoint);
        await SendCommandAsync(peer, 8, "1.2.3.8");
        await peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, false, false, Bytes(600))]));

        var answer = await peer.ReceiveAsync();
        await _handler.Disposed.Task.WaitAsync(TestServers.Guard);

        var writer = _handler.Writers.Single();
        Assert.That(answer, Is.TypeOf<AAbort>());
        Assert.That(writer.Completions, Is.Zero);
        Assert.That(writer.Disposals, Is.EqualTo(1));
    }

    [Test]
    [Description("A handler slower than the idle timeout after the whole data set has arrived: the peer is waiting for the node, so the association is not aborted and the response comes.")]
    public async Task Slow_handler_outlasts_idle_timeout()
    {
        var slow = new RecordingStoreHandler { Delay = TimeSpan.FromSeconds(2) };
        await using var server = await TestServers.StartAsync(slow, options => options.IdleTimeout = TimeSpan.FromSeconds(1));
        using var peer = await RawPeer.AssociateAsync(server.LocalEndPoint);

        var response = await StoreAsync(peer, 9, "1.2.3.9", Bytes(700));

        Assert.That(response.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(slow.Received, Has.Count.EqualTo(1));
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static Task SendCommandAsync(RawPeer peer, ushort messageId, string sopInstanceUid)
    {
        var command = DimseCommand.CreateStoreRequest(messageId, DicomStorageSopClasses.CTImage, sopInstanceUid);
        return peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, true, true, command.Encode())]));
    }

    /// <summary>Sends a C-STORE-RQ and its data set, a PDU per fragment, and returns the decoded response.</summary>
    private static async Task<DimseCommand> StoreAsync(RawPeer peer, ushort messageId, string sopInstanceUid, params byte[][] fragments)
    {
        await SendCommandAsync(peer, messageId, sopInstanceUid);
        for (var index = 0; index < fragments.Length; index++)
        {
            await peer.SendAsync(new PDataTf([new PresentationDataValue(CtContext, false, index == fragments.Length - 1, fragments[index])]));
        }

        var response = (PDataTf)(await peer.ReceiveAsync())!;
        return DimseCommand.Decode(response.Values.Single().Fragment);
    }

    private Task<RawPeer> AssociateAsync() => RawPeer.AssociateAsync(_server.LocalEndPoint);
}
