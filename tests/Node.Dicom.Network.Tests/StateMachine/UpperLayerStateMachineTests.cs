using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.StateMachine;
using static Node.Dicom.Network.StateMachine.UpperLayerEvent;
using static Node.Dicom.Network.StateMachine.UpperLayerIndicationKind;
using static Node.Dicom.Network.StateMachine.UpperLayerState;

namespace Node.Dicom.Network.Tests.StateMachine;

/// <summary>What each action does, cell by cell, with a recording transport and a fake clock.</summary>
[TestFixture]
public sealed class UpperLayerStateMachineTests
{
    private static readonly TimeSpan Artim = TimeSpan.FromSeconds(30);

    private static readonly AAssociateRq Request = new() { CalledAeTitle = "AINODE", CallingAeTitle = "SCU" };
    private static readonly AAssociateAc Accept = new() { CalledAeTitle = "AINODE", CallingAeTitle = "SCU" };
    private static readonly AAssociateRj Reject = new(RejectResult.Permanent, RejectSource.ServiceUser, RejectReasons.CalledAeTitleNotRecognized);
    private static readonly PDataTf Data = new([new PresentationDataValue(1, true, true, new byte[] { 0, 0 })]);
    private static readonly AAbort UserAbort = new(AbortSource.ServiceUser, AbortReason.NotSpecified);
    private static readonly AAbort InvalidValueAbort = new(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue);

    /// <summary>
    /// One row per cell: start state, requestor or not, event and its PDU; then the next state,
    /// the PDU sent (type, with source and reason for A-ABORT), whether the transport closed,
    /// whether ARTIM runs, and the indication. Expectations follow the action texts of PS3.8 9.2.
    /// </summary>
    public static IEnumerable<TestCaseData> Cells()
    {
        yield return Cell(Sta1, false, Evt5, null, Sta2, null, false, true, None);
        yield return Cell(Sta2, false, Evt6, Request, Sta3, null, false, false, AssociateRequest);
        yield return Cell(Sta2, false, Evt3, Accept, Sta13, "A-ABORT 2/2", false, true, None);
        yield return Cell(Sta2, false, Evt10, Data, Sta13, "A-ABORT 2/2", false, true, None);
        yield return Cell(Sta2, false, Evt12, new AReleaseRq(), Sta13, "A-ABORT 2/2", false, true, None);
        yield return Cell(Sta2, false, Evt19, InvalidValueAbort, Sta13, "A-ABORT 2/6", false, true, None);
        yield return Cell(Sta2, false, Evt16, UserAbort, Sta1, null, true, false, None);
        yield return Cell(Sta2, false, Evt17, null, Sta1, null, true, false, None);
        yield return Cell(Sta3, false, Evt7, Accept, Sta6, "A-ASSOCIATE-AC", false, false, None);
        yield return Cell(Sta3, false, Evt8, Reject, Sta13, "A-ASSOCIATE-RJ", false, true, None);
        yield return Cell(Sta3, false, Evt10, Data, Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta3, false, Evt15, UserAbort, Sta13, "A-ABORT 0/0", false, true, None);
        yield return Cell(Sta3, false, Evt16, UserAbort, Sta1, null, true, false, Aborted);
        yield return Cell(Sta6, false, Evt9, Data, Sta6, "P-DATA-TF", false, false, None);
        yield return Cell(Sta6, false, Evt10, Data, Sta6, null, false, false, PData);
        yield return Cell(Sta6, false, Evt12, new AReleaseRq(), Sta8, null, false, false, ReleaseRequest);
        yield return Cell(Sta6, false, Evt6, Request, Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta6, false, Evt3, Accept, Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta6, false, Evt13, new AReleaseRp(), Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta6, false, Evt19, InvalidValueAbort, Sta13, "A-ABORT 2/6", false, true, ProviderAborted);
        yield return Cell(Sta6, false, Evt15, UserAbort, Sta13, "A-ABORT 0/0", false, true, None);
        yield return Cell(Sta6, false, Evt16, UserAbort, Sta1, null, true, false, Aborted);
        yield return Cell(Sta6, false, Evt17, null, Sta1, null, true, false, ProviderAborted);
        yield return Cell(Sta8, false, Evt9, Data, Sta8, "P-DATA-TF", false, false, None);
        yield return Cell(Sta8, false, Evt14, null, Sta13, "A-RELEASE-RP", false, true, None);
        yield return Cell(Sta8, false, Evt10, Data, Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta13, false, Evt10, Data, Sta13, null, false, false, None);
        yield return Cell(Sta13, false, Evt12, new AReleaseRq(), Sta13, null, false, false, None);
        yield return Cell(Sta13, false, Evt6, Request, Sta13, "A-ABORT 2/2", false, false, None);
        yield return Cell(Sta13, false, Evt19, InvalidValueAbort, Sta13, "A-ABORT 2/6", false, false, None);
        yield return Cell(Sta13, false, Evt16, UserAbort, Sta1, null, true, false, None);
        yield return Cell(Sta13, false, Evt17, null, Sta1, null, true, false, None);
        yield return Cell(Sta1, true, Evt1, Request, Sta4, null, false, false, None);
        yield return Cell(Sta4, true, Evt2, null, Sta5, "A-ASSOCIATE-RQ", false, false, None);
        yield return Cell(Sta4, true, Evt15, UserAbort, Sta1, null, true, false, None);
        yield return Cell(Sta5, true, Evt3, Accept, Sta6, null, false, false, AssociateAccepted);
        yield return Cell(Sta5, true, Evt4, Reject, Sta1, null, true, false, AssociateRejected);
        yield return Cell(Sta5, true, Evt10, Data, Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta6, true, Evt11, null, Sta7, "A-RELEASE-RQ", false, false, None);
        yield return Cell(Sta7, true, Evt10, Data, Sta7, null, false, false, PData);
        yield return Cell(Sta7, true, Evt13, new AReleaseRp(), Sta1, null, true, false, ReleaseConfirmed);
        yield return Cell(Sta7, true, Evt12, new AReleaseRq(), Sta9, null, false, false, ReleaseRequest);
        yield return Cell(Sta7, false, Evt12, new AReleaseRq(), Sta10, null, false, false, ReleaseRequest);
        yield return Cell(Sta9, true, Evt14, null, Sta11, "A-RELEASE-RP", false, false, None);
        yield return Cell(Sta9, true, Evt13, new AReleaseRp(), Sta13, "A-ABORT 2/2", false, true, ProviderAborted);
        yield return Cell(Sta10, false, Evt13, new AReleaseRp(), Sta12, null, false, false, ReleaseConfirmed);
        yield return Cell(Sta11, true, Evt13, new AReleaseRp(), Sta1, null, true, false, ReleaseConfirmed);
        yield return Cell(Sta12, false, Evt14, null, Sta13, "A-RELEASE-RP", false, true, None);
    }

    [TestCaseSource(nameof(Cells))]
    public async Task Cell_runs_standard_action(UpperLayerState start, bool requestor, UpperLayerEvent evt, Pdu? pdu, UpperLayerState next, string? sent, bool closed, bool artim, UpperLayerIndicationKind indication)
    {
        var (machine, transport, _) = Build(start, requestor);

        var result = await machine.HandleAsync(evt, pdu);

        Assert.That(machine.State, Is.EqualTo(next), "next state");
        Assert.That(transport.Sent.Select(Describe).SingleOrDefault(), Is.EqualTo(sent), "PDU sent");
        Assert.That(transport.Closed, Is.EqualTo(closed), "transport closed");
        Assert.That(machine.IsArtimRunning, Is.EqualTo(artim), "ARTIM running");
        Assert.That(result.Kind, Is.EqualTo(indication), "indication");
    }

    [Test]
    public async Task Sta1_Evt1_connects_transport()
    {
        var (machine, transport, _) = Build(Sta1, requestor: false);

        await machine.HandleAsync(Evt1, Request);

        Assert.That(transport.Connected, Is.True);
        Assert.That(machine.IsRequestor, Is.True);
    }

    [Test]
    public async Task Sta2_Evt6_with_bad_version_rejects()
    {
        var (machine, transport, _) = Build(Sta2, requestor: false);

        await machine.HandleAsync(Evt6, Request with { ProtocolVersion = 0x0002 });

        Assert.That(machine.State, Is.EqualTo(Sta13));
        Assert.That(transport.Sent.Single(), Is.EqualTo(new AAssociateRj(RejectResult.Permanent, RejectSource.ServiceProviderAcse, RejectReasons.ProtocolVersionNotSupported)));
        Assert.That(machine.IsArtimRunning, Is.True);
    }

    [Test]
    [Description("ARTIM started on accepting the connection closes it when no request arrives; the fake clock advances, nothing sleeps.")]
    public async Task Sta2_Evt18_artim_expiry_closes()
    {
        var (machine, transport, time) = Build(Sta1, requestor: false);
        await machine.HandleAsync(Evt5);

        time.Advance(Artim - TimeSpan.FromMilliseconds(1));
        var stateBeforeExpiry = machine.State;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(stateBeforeExpiry, Is.EqualTo(Sta2));
        Assert.That(machine.State, Is.EqualTo(Sta1));
        Assert.That(transport.Closed, Is.True);
    }

    [Test]
    public async Task Sta13_Evt18_artim_expiry_closes()
    {
        var (machine, transport, time) = Build(Sta8, requestor: false);
        await machine.HandleAsync(Evt14);

        time.Advance(Artim);

        Assert.That(machine.State, Is.EqualTo(Sta1));
        Assert.That(transport.Closed, Is.True);
    }

    [Test]
    [Description("A timer stopped by AE-6 must not fire later and close an association being negotiated.")]
    public async Task Stopped_artim_does_not_fire()
    {
        var (machine, transport, time) = Build(Sta1, requestor: false);
        await machine.HandleAsync(Evt5);
        await machine.HandleAsync(Evt6, Request);

        time.Advance(Artim * 2);

        Assert.That(machine.State, Is.EqualTo(Sta3));
        Assert.That(transport.Closed, Is.False);
    }

    [Test]
    [Description("Release collision as requestor: our RQ, their RQ, our RP, their RP; nobody aborts.")]
    public async Task Release_collision_as_requestor_completes()
    {
        var (machine, transport, _) = Build(Sta6, requestor: true);

        await machine.HandleAsync(Evt11);
        var collision = await machine.HandleAsync(Evt12, new AReleaseRq());
        await machine.HandleAsync(Evt14);
        var confirmed = await machine.HandleAsync(Evt13, new AReleaseRp());

        Assert.That(collision.Kind, Is.EqualTo(ReleaseRequest));
        Assert.That(confirmed.Kind, Is.EqualTo(ReleaseConfirmed));
        Assert.That(transport.Sent.Select(pdu => pdu.Type), Is.EqualTo(new[] { PduType.AReleaseRq, PduType.AReleaseRp }));
        Assert.That(machine.State, Is.EqualTo(Sta1));
    }

    [Test]
    [Description("Release collision as acceptor: their RP completes our request, then we answer theirs.")]
    public async Task Release_collision_as_acceptor_completes()
    {
        var (machine, transport, _) = Build(Sta6, requestor: false);

        await machine.HandleAsync(Evt11);
        await machine.HandleAsync(Evt12, new AReleaseRq());
        await machine.HandleAsync(Evt13, new AReleaseRp());
        await machine.HandleAsync(Evt14);

        Assert.That(transport.Sent.Select(pdu => pdu.Type), Is.EqualTo(new[] { PduType.AReleaseRq, PduType.AReleaseRp }));
        Assert.That(machine.State, Is.EqualTo(Sta13));
    }

    [Test]
    public void LocalRequest_in_blank_cell_throws()
    {
        var (machine, _, _) = Build(Sta2, requestor: false);

        Assert.ThrowsAsync<InvalidOperationException>(async () => await machine.HandleAsync(Evt9, Data));
    }

    [Test]
    public void LocalRequest_after_end_throws_connection_error()
    {
        var (machine, _, _) = Build(Sta13, requestor: false);

        Assert.ThrowsAsync<DicomConnectionException>(async () => await machine.HandleAsync(Evt9, Data));
    }

    [Test]
    public async Task Evt17_in_Sta1_is_ignored()
    {
        var (machine, transport, _) = Build(Sta1, requestor: false);

        var result = await machine.HandleAsync(Evt17);

        Assert.That(result.Kind, Is.EqualTo(None));
        Assert.That(transport.Closed, Is.False);
    }

    private static TestCaseData Cell(UpperLayerState start, bool requestor, UpperLayerEvent evt, Pdu? pdu, UpperLayerState next, string? sent, bool closed, bool artim, UpperLayerIndicationKind indication) =>
        new TestCaseData(start, requestor, evt, pdu, next, sent, closed, artim, indication)
            .SetName($"{start}_{evt}{(requestor ? "_requestor" : string.Empty)}_goes_to_{next}");

    private static (UpperLayerStateMachine Machine, RecordingTransport Transport, FakeTimeProvider Time) Build(UpperLayerState state, bool requestor)
    {
        var transport = new RecordingTransport();
        var time = new FakeTimeProvider();
        var machine = new UpperLayerStateMachine(transport, Artim, time, NullLogger.Instance);
        machine.SetStateForTest(state, requestor);
        return (machine, transport, time);
    }

    private static string Describe(Pdu pdu) => pdu is AAbort abort ? $"A-ABORT {(byte)abort.Source}/{(byte)abort.Reason}" : pdu.Name;
}
