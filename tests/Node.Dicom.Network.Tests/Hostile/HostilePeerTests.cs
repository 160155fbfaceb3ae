using System.Net;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Tests.Pdus;
using Node.Dicom.Network.Tests.Support;

namespace Node.Dicom.Network.Tests.Hostile;

/// <summary>Peers that break the protocol; each must end in an orderly reject or abort, and the server must keep serving.</summary>
[TestFixture]
public sealed class HostilePeerTests
{
    private const string CtImage = DicomStorageSopClasses.CTImage;
    private const string ImplicitLittle = "1.2.840.10008.1.2";

    private RecordingStoreHandler _handler = null!;
    private DicomServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _handler = new RecordingStoreHandler();
        _server = await TestServers.StartAsync(_handler, options =>
        {
            options.MaxAssociations = 4;
            options.ArtimTimeout = TimeSpan.FromSeconds(2);
        });
    }

    [TearDown]
    public async Task StopServer()
    {
        // Every test ends with a C-ECHO, which shows the server still serves.
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = _server.LocalEndPoint.Port, CalledAeTitle = "AINODE" }, TestLoggerFactory.OutputOnly);
        try
        {
            await client.EchoAsync().WaitAsync(TestServers.Guard);
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    [Description("An HTTP request reads as PDU type 0x47: unrecognized PDU, A-ABORT source 2 reason 1.")]
    public async Task HttpGet_is_aborted_as_unrecognized()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.HttpGet);

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.UnrecognizedPdu)));
    }

    [Test]
    public async Task PDataHugeLength_before_association_is_aborted()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.PDataHugeLength);

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue)));
    }

    [Test]
    public async Task AssociateRqHugeLength_is_aborted()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.AssociateRqHugeLength);

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue)));
    }

    [Test]
    [Description("A peer that sends half a request and then nothing is closed by ARTIM.")]
    public async Task Peer_stopping_mid_pdu_is_closed()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.AssociateRqVerification()[..40]);

        Assert.That(await peer.WaitForCloseAsync(), Is.True);
    }

    [Test]
    public async Task AssociateAc_as_first_pdu_is_aborted()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(new AAssociateAc { CalledAeTitle = "AINODE", CallingAeTitle = "X" });

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)));
    }

    [Test]
    public async Task Request_without_contexts_is_rejected()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(new AAssociateRq { CalledAeTitle = "AINODE", CallingAeTitle = "SCU", UserInformation = new UserInformationItem { MaxPduLength = 16384 } });

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAssociateRj(RejectResult.Permanent, RejectSource.ServiceUser, RejectReasons.UserNoReasonGiven)));
    }

    [Test]
    [Description("Bytes C0 B3 in the calling AE title: rejected as calling AE title not recognized, no exception.")]
    public async Task CallingAe_with_high_bytes_is_rejected()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);
        var request = PduFixtures.AssociateRqVerification();
        request[26] = 0xC0;
        request[27] = 0xB3;

        await peer.SendAsync(request);

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAssociateRj(RejectResult.Permanent, RejectSource.ServiceUser, RejectReasons.CallingAeTitleNotRecognized)));
    }

    [TestCase("                ", TestName = "CallingAe_of_spaces_is_rejected")]
    [TestCase("BAD\\AE", TestName = "CallingAe_with_backslash_is_rejected")]
    [TestCase("BAD\u0001AE", TestName = "CallingAe_with_control_byte_is_rejected")]
    public async Task CallingAe_invalid_is_rejected(string calling)
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.AssociateRqVerification(calling: calling));

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAssociateRj(RejectResult.Permanent, RejectSource.ServiceUser, RejectReasons.CallingAeTitleNotRecognized)));
    }

    [TestCase("AINODE          ", TestName = "CalledAe_with_trailing_spaces_is_accepted")]
    [TestCase("   AINODE       ", TestName = "CalledAe_with_leading_spaces_is_accepted")]
    public async Task CalledAe_padding_is_accepted(string called)
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.AssociateRqVerification(called: called));

        Assert.That(await peer.ReceiveAsync(), Is.TypeOf<AAssociateAc>());
    }

    [Test]
    [Description("A zero-width space (UTF-8 E2 80 8B) after a UID: that context is rejected as abstract syntax not supported, the good one accepted.")]
    public async Task AbstractSyntax_with_high_bytes_is_rejected_by_context()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);
        var request = new AAssociateRq
        {
            CalledAeTitle = "AINODE",
            CallingAeTitle = "SCU",
            PresentationContexts =
            [
                new PresentationContextRequestItem { Id = 1, AbstractSyntax = CtImage + "\u00E2\u0080\u008B", TransferSyntaxes = [ImplicitLittle] },
                new PresentationContextRequestItem { Id = 3, AbstractSyntax = CtImage, TransferSyntaxes = [ImplicitLittle] },
            ],
        };

        await peer.SendAsync(request);
        var accept = (AAssociateAc)(await peer.ReceiveAsync())!;

        Assert.That(accept.PresentationContexts.Single(context => context.Id == 1).Result, Is.EqualTo(PresentationContextResult.AbstractSyntaxNotSupported));
        Assert.That(accept.PresentationContexts.Single(context => context.Id == 3).Result, Is.EqualTo(PresentationContextResult.Acceptance));
    }

    [Test]
    public async Task Unknown_abstract_syntaxes_are_answered_each()
    {
        using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);

        await peer.SendAsync(PduFixtures.AssociateRqVerification(abstractSyntax: "1.2.3.4.5"));
        var accept = (AAssociateAc)(await peer.ReceiveAsync())!;

        Assert.That(accept.PresentationContexts.Single().Result, Is.EqualTo(PresentationContextResult.AbstractSyntaxNotSupported));
    }

    [TestCase(0xFFFFFFF0u, TestName = "Pdv_length_0xFFFFFFF0_aborts_association")]
    [TestCase(0u, TestName = "Pdv_length_0_aborts_association")]
    [TestCase(11u, TestName = "Pdv_length_past_pdu_aborts_association")]
    public async Task Pdv_length_that_lies_aborts(uint pdvLength)
    {
        using var peer = await AssociateAsync();

        await peer.SendAsync([0x04, 0x00, 0x00, 0x00, 0x00, 0x0A, .. PduFixtures.BigEndian32((int)pdvLength), 0x01, 0x03, 0x00, 0x00, 0x00, 0x00]);

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue)));
    }

    [Test]
    public async Task Pdv_on_unaccepted_context_aborts()
    {
        using var peer = await AssociateAsync();

        await peer.SendAsync(new PDataTf([new PresentationDataValue(7, true, true, DimseCommand.CreateEchoRequest(1).Encode())]));

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue)));
    }

    [Test]
    [Description("A second A-ASSOCIATE-RQ where the data set should follow: A-P-ABORT, unexpected PDU.")]
    public async Task Second_request_inside_association_aborts()
    {
        using var peer = await AssociateAsync();

        await peer.SendAsync(new PDataTf([new PresentationDataValue(3, true, true, DimseCommand.CreateStoreRequest(1, CtImage, "1.2.3").Encode())]));
        await peer.SendAsync(PduFixtures.AssociateRqVerification());

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)));
        Assert.That(_handler.Received, Is.Empty);
    }

    [Test]
    [Description("Several PDVs in one legal PDU still work: a C-ECHO command split in two fragments.")]
    public async Task Several_pdvs_in_one_pdu_work()
    {
        using var peer = await AssociateAsync();
        var command = DimseCommand.CreateEchoRequest(5).Encode();

        await peer.SendAsync(new PDataTf([new PresentationDataValue(1, true, false, command[..10]), new PresentationDataValue(1, true, true, command[10..])]));
        var response = (PDataTf)(await peer.ReceiveAsync())!;

        var decoded = DimseCommand.Decode(response.Values.Single().Fragment);
        Assert.That(decoded.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(decoded.MessageIdBeingRespondedTo, Is.EqualTo(5));
    }

    [Test]
    [Description("A C-STORE on the CT context whose command names MR Image Storage: failure status, nothing handed on.")]
    public async Task Store_with_wrong_sop_class_is_refused()
    {
        using var peer = await AssociateAsync();
        var command = DimseCommand.CreateStoreRequest(9, DicomStorageSopClasses.MRImage, "1.2.3.4");

        await peer.SendAsync(new PDataTf([new PresentationDataValue(3, true, true, command.Encode())]));
        await peer.SendAsync(new PDataTf([new PresentationDataValue(3, false, true, new byte[] { 0x08, 0x00, 0x16, 0x00, 0x00, 0x00, 0x00, 0x00 })]));
        var response = DimseCommand.Decode(((PDataTf)(await peer.ReceiveAsync())!).Values.Single().Fragment);

        Assert.That(response.Status, Is.EqualTo(DimseStatus.SopClassNotSupported));
        Assert.That(response.AffectedSopClassUid, Is.EqualTo(DicomStorageSopClasses.MRImage));
        Assert.That(response.AffectedSopInstanceUid, Is.EqualTo("1.2.3.4"));
        Assert.That(response.MessageIdBeingRespondedTo, Is.EqualTo(9));
        Assert.That(response.CommandField, Is.EqualTo(CommandField.CStoreRsp));
        Assert.That(response.HasDataSet, Is.False);
        Assert.That(_handler.Received, Is.Empty);
    }

    [Test]
    [Description("Over the association limit: A-ASSOCIATE-RJ transient, source 3, reason 2.")]
    public async Task Associations_over_limit_are_rejected_transient()
    {
        var peers = new List<RawPeer>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                peers.Add(await AssociateAsync());
            }

            using var extra = await RawPeer.ConnectAsync(_server.LocalEndPoint);
            await extra.SendAsync(PduFixtures.AssociateRqVerification());

            Assert.That(await extra.ReceiveAsync(), Is.EqualTo(new AAssociateRj(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReasons.LocalLimitExceeded)));
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.SendAsync(new AReleaseRq());
                await peer.ReceiveAsync();
                peer.Dispose();
            }
        }
    }

    [Test]
    [Description("200 HTTP requests, 50 at a time: each is aborted and the server keeps serving.")]
    public async Task Http_flood_is_aborted_each_time()
    {
        for (var round = 0; round < 4; round++)
        {
            var aborts = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
            {
                using var peer = await RawPeer.ConnectAsync(_server.LocalEndPoint);
                await peer.SendAsync(PduFixtures.HttpGet);
                return await peer.ReceiveAsync();
            }));

            Assert.That(aborts, Has.All.EqualTo(new AAbort(AbortSource.ServiceProvider, AbortReason.UnrecognizedPdu)));
        }
    }

    /// <summary>Opens an association with Verification on context 1 and CT Image Storage on context 3, both Implicit VR.</summary>
    private Task<RawPeer> AssociateAsync() => RawPeer.AssociateAsync(_server.LocalEndPoint);
}
