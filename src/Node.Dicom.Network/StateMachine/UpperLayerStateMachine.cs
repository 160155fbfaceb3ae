using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.StateMachine;

/// <summary>
/// The DICOM Upper Layer protocol machine of one connection (PS3.8 9.2). Each event is looked
/// up in <see cref="UpperLayerStateTable"/>; the action sends PDUs through the transport, runs
/// the ARTIM timer and returns the indication the local user must act on.
/// </summary>
/// <remarks>
/// Events come from the connection's read loop, from user tasks (P-DATA, release, abort) and
/// from the ARTIM timer, so <see cref="HandleAsync"/> runs one event at a time under a
/// semaphore. Actions never call back into the user, so holding the semaphore while a PDU is
/// written cannot deadlock. The transport's write deadline bounds a stuck write.
/// </remarks>
internal sealed class UpperLayerStateMachine : IDisposable
{
    /// <summary>The connection PDUs are sent on.</summary>
    private readonly IUpperLayerTransport _transport;

    /// <summary>Receives every transition, inside the association's logging scope where one is open.</summary>
    private readonly ILogger _logger;

    /// <summary>Serialises events; held for the whole of one action.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>ARTIM; expiry raises Evt18.</summary>
    private readonly ArtimTimer _artim;

    /// <summary>The A-ASSOCIATE-RQ stored by AE-1 and sent by AE-2.</summary>
    private AAssociateRq? _pendingRequest;

    public UpperLayerStateMachine(IUpperLayerTransport transport, TimeSpan artimTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _transport = transport;
        _logger = logger;
        _artim = new ArtimTimer(timeProvider, artimTimeout, OnArtimExpired);
    }

    /// <summary>Current state; read without the semaphore, so it may be one event behind.</summary>
    public UpperLayerState State { get; private set; } = UpperLayerState.Sta1;

    /// <summary>True once Evt1 made this side the association-requestor; decides AR-8's next state.</summary>
    public bool IsRequestor { get; private set; }

    public bool IsArtimRunning => _artim.IsRunning;

    /// <summary>
    /// Runs one event. For Evt1 <paramref name="pdu"/> is the A-ASSOCIATE-RQ, for Evt7 the -AC, for
    /// Evt8 the -RJ, for Evt9 the P-DATA-TF, for Evt15 and Evt19 the A-ABORT to send, and for
    /// received-PDU events the PDU received.
    /// </summary>
    /// <exception cref="InvalidOperationException">A local request (Evt1, 7, 8, 9, 11, 14) in a state whose table cell is blank.</exception>
    /// <exception cref="DicomConnectionException">A local request after the association has ended.</exception>
    /// <exception cref="DicomNetworkException">Sending a PDU failed; the machine is then in Sta1.</exception>
    public async ValueTask<UpperLayerIndication> HandleAsync(UpperLayerEvent evt, Pdu? pdu = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = State;
            if (!UpperLayerStateTable.TryGetAction(state, evt, out var action))
            {
                return Blank(state, evt);
            }

            var (next, indication) = await RunAsync(action, evt, pdu, cancellationToken).ConfigureAwait(false);
            Log.Transition(_logger, state, evt, action, next);
            State = next;
            return indication;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Puts the machine in a state directly, so a test can exercise one table cell.</summary>
    internal void SetStateForTest(UpperLayerState state, bool isRequestor)
    {
        State = state;
        IsRequestor = isRequestor;
        _pendingRequest ??= new AAssociateRq { CalledAeTitle = "TEST", CallingAeTitle = "TEST" };
    }

    public void Dispose()
    {
        _artim.Dispose();
        _gate.Dispose();
    }

    private UpperLayerIndication Blank(UpperLayerState state, UpperLayerEvent evt)
    {
        if (evt is UpperLayerEvent.Evt1 or UpperLayerEvent.Evt7 or UpperLayerEvent.Evt8 or UpperLayerEvent.Evt9 or UpperLayerEvent.Evt11 or UpperLayerEvent.Evt14)
        {
            if (state is UpperLayerState.Sta1 or UpperLayerState.Sta13)
            {
                throw new DicomConnectionException($"The association has ended ({state}); {evt} cannot be served.");
            }

            throw new InvalidOperationException($"{evt} is not allowed in {state} (PS3.8 Table 9-10).");
        }

        Log.EventIgnored(_logger, evt, state);
        return UpperLayerIndication.None;
    }

    private ValueTask<(UpperLayerState, UpperLayerIndication)> RunAsync(UpperLayerAction action, UpperLayerEvent evt, Pdu? pdu, CancellationToken cancellationToken) => action switch
    {
        UpperLayerAction.AE1 => Ae1ConnectAsync(pdu, cancellationToken),
        UpperLayerAction.AE2 => Ae2SendRequestAsync(cancellationToken),
        UpperLayerAction.AE3 => Done(UpperLayerState.Sta6, UpperLayerIndicationKind.AssociateAccepted, pdu),
        UpperLayerAction.AE4 => Ae4Rejected(pdu),
        UpperLayerAction.AE5 => Ae5ConnectionAccepted(),
        UpperLayerAction.AE6 => Ae6RequestReceivedAsync(pdu, cancellationToken),
        UpperLayerAction.AE7 => SendThenAsync(Require<AAssociateAc>(pdu, evt), UpperLayerState.Sta6, startArtim: false, cancellationToken),
        UpperLayerAction.AE8 => SendThenAsync(Require<AAssociateRj>(pdu, evt), UpperLayerState.Sta13, startArtim: true, cancellationToken),
        UpperLayerAction.DT1 => SendThenAsync(Require<PDataTf>(pdu, evt), UpperLayerState.Sta6, startArtim: false, cancellationToken),
        UpperLayerAction.DT2 => Done(UpperLayerState.Sta6, UpperLayerIndicationKind.PData, pdu),
        UpperLayerAction.AR1 => SendThenAsync(new AReleaseRq(), UpperLayerState.Sta7, startArtim: false, cancellationToken),
        UpperLayerAction.AR2 => Done(UpperLayerState.Sta8, UpperLayerIndicationKind.ReleaseRequest, pdu),
        UpperLayerAction.AR3 => Ar3ReleaseConfirmed(),
        UpperLayerAction.AR4 => SendThenAsync(new AReleaseRp(), UpperLayerState.Sta13, startArtim: true, cancellationToken),
        UpperLayerAction.AR5 => StopAndClose(UpperLayerIndicationKind.None),
        UpperLayerAction.AR6 => Done(UpperLayerState.Sta7, UpperLayerIndicationKind.PData, pdu),
        UpperLayerAction.AR7 => SendThenAsync(Require<PDataTf>(pdu, evt), UpperLayerState.Sta8, startArtim: false, cancellationToken),
        UpperLayerAction.AR8 => Ar8ReleaseCollision(pdu),
        UpperLayerAction.AR9 => SendThenAsync(new AReleaseRp(), UpperLayerState.Sta11, startArtim: false, cancellationToken),
        UpperLayerAction.AR10 => Done(UpperLayerState.Sta12, UpperLayerIndicationKind.ReleaseConfirmed, pdu),
        UpperLayerAction.AA1 => Aa1AbortAsync(evt, pdu, cancellationToken),
        UpperLayerAction.AA2 => StopAndClose(UpperLayerIndicationKind.None),
        UpperLayerAction.AA3 => Aa3PeerAborted(pdu),
        UpperLayerAction.AA4 => StopAndClose(UpperLayerIndicationKind.ProviderAborted),
        UpperLayerAction.AA5 => StopAndClose(UpperLayerIndicationKind.None),
        UpperLayerAction.AA6 => Done(UpperLayerState.Sta13, UpperLayerIndicationKind.None, null),
        UpperLayerAction.AA7 => Aa7AbortAsync(evt, pdu, cancellationToken),
        UpperLayerAction.AA8 => Aa8ProviderAbortAsync(evt, pdu, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No such Upper Layer action."),
    };

    /// <summary>AE-1: store the request and open the transport connection; next Sta4.</summary>
    private async ValueTask<(UpperLayerState, UpperLayerIndication)> Ae1ConnectAsync(Pdu? pdu, CancellationToken cancellationToken)
    {
        _pendingRequest = Require<AAssociateRq>(pdu, UpperLayerEvent.Evt1);
        IsRequestor = true;
        await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return (UpperLayerState.Sta4, UpperLayerIndication.None);
    }

    /// <summary>AE-2: send the stored A-ASSOCIATE-RQ; next Sta5.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> Ae2SendRequestAsync(CancellationToken cancellationToken) =>
        SendThenAsync(_pendingRequest ?? throw new InvalidOperationException("Evt2 arrived without the A-ASSOCIATE-RQ of Evt1."), UpperLayerState.Sta5, startArtim: false, cancellationToken);

    /// <summary>AE-4: report the reject and close the transport; next Sta1.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> Ae4Rejected(Pdu? pdu)
    {
        _transport.Close();
        return Done(UpperLayerState.Sta1, UpperLayerIndicationKind.AssociateRejected, pdu);
    }

    /// <summary>AE-5: accept the transport connection and start ARTIM to bound the wait for the request; next Sta2.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> Ae5ConnectionAccepted()
    {
        _artim.Start();
        return Done(UpperLayerState.Sta2, UpperLayerIndicationKind.None, null);
    }

    /// <summary>
    /// AE-6: stop ARTIM; a request of a protocol version this side speaks goes up to the user
    /// (next Sta3), any other is rejected here with A-ASSOCIATE-RJ 1/2/2 and ARTIM restarted (next Sta13).
    /// </summary>
    private async ValueTask<(UpperLayerState, UpperLayerIndication)> Ae6RequestReceivedAsync(Pdu? pdu, CancellationToken cancellationToken)
    {
        _artim.Stop();
        var request = Require<AAssociateRq>(pdu, UpperLayerEvent.Evt6);
        if ((request.ProtocolVersion & PduLayout.ProtocolVersion1) == 0)
        {
            var reject = new AAssociateRj(RejectResult.Permanent, RejectSource.ServiceProviderAcse, RejectReasons.ProtocolVersionNotSupported);
            return await SendThenAsync(reject, UpperLayerState.Sta13, startArtim: true, cancellationToken).ConfigureAwait(false);
        }

        return (UpperLayerState.Sta3, new UpperLayerIndication(UpperLayerIndicationKind.AssociateRequest, request));
    }

    /// <summary>AR-3: report the release confirmation and close the transport; next Sta1.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> Ar3ReleaseConfirmed()
    {
        _transport.Close();
        return Done(UpperLayerState.Sta1, UpperLayerIndicationKind.ReleaseConfirmed, null);
    }

    /// <summary>AR-8: release collision; the requestor goes to Sta9, the acceptor to Sta10.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> Ar8ReleaseCollision(Pdu? pdu) =>
        Done(IsRequestor ? UpperLayerState.Sta9 : UpperLayerState.Sta10, UpperLayerIndicationKind.ReleaseRequest, pdu);

    /// <summary>
    /// AA-1: send A-ABORT and (re)start ARTIM; next Sta13. On the user's request (Evt15) the
    /// user's A-ABORT is sent; on a PDU that arrived before the request the provider aborts.
    /// </summary>
    private async ValueTask<(UpperLayerState, UpperLayerIndication)> Aa1AbortAsync(UpperLayerEvent evt, Pdu? pdu, CancellationToken cancellationToken)
    {
        var abort = AbortFor(evt, pdu, UpperLayerEvent.Evt15);
        await TrySendAbortAsync(abort, cancellationToken).ConfigureAwait(false);
        _artim.Start();
        return (UpperLayerState.Sta13, UpperLayerIndication.None);
    }

    /// <summary>AA-3: the peer aborted; report it and close the transport; next Sta1.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> Aa3PeerAborted(Pdu? pdu)
    {
        _artim.Stop();
        _transport.Close();
        return Done(UpperLayerState.Sta1, UpperLayerIndicationKind.Aborted, pdu);
    }

    /// <summary>AA-7: send A-ABORT in reply to a request or an invalid PDU that arrived after the association ended; stay in Sta13.</summary>
    private async ValueTask<(UpperLayerState, UpperLayerIndication)> Aa7AbortAsync(UpperLayerEvent evt, Pdu? pdu, CancellationToken cancellationToken)
    {
        await TrySendAbortAsync(AbortFor(evt, pdu, UpperLayerEvent.Evt19), cancellationToken).ConfigureAwait(false);
        return (UpperLayerState.Sta13, UpperLayerIndication.None);
    }

    /// <summary>AA-8: a PDU that does not belong in this state; send A-ABORT (provider), report it and start ARTIM; next Sta13.</summary>
    private async ValueTask<(UpperLayerState, UpperLayerIndication)> Aa8ProviderAbortAsync(UpperLayerEvent evt, Pdu? pdu, CancellationToken cancellationToken)
    {
        var abort = AbortFor(evt, pdu, UpperLayerEvent.Evt19);
        await TrySendAbortAsync(abort, cancellationToken).ConfigureAwait(false);
        _artim.Start();
        return (UpperLayerState.Sta13, new UpperLayerIndication(UpperLayerIndicationKind.ProviderAborted, abort));
    }

    /// <summary>AA-2, AA-4, AA-5 and AR-5: stop ARTIM and close the transport; next Sta1.</summary>
    private ValueTask<(UpperLayerState, UpperLayerIndication)> StopAndClose(UpperLayerIndicationKind indication)
    {
        _artim.Stop();
        _transport.Close();
        return Done(UpperLayerState.Sta1, indication, null);
    }

    /// <summary>
    /// The A-ABORT an action sends: the one the caller passed for <paramref name="carrierEvent"/>
    /// (Evt15 from the user, Evt19 from the reader with the fault's reason), otherwise a
    /// provider abort for an unexpected PDU.
    /// </summary>
    private static AAbort AbortFor(UpperLayerEvent evt, Pdu? pdu, UpperLayerEvent carrierEvent)
    {
        if (evt == carrierEvent && pdu is AAbort given)
        {
            return given;
        }

        if (evt == UpperLayerEvent.Evt19)
        {
            return new AAbort(AbortSource.ServiceProvider, pdu is AAbort reason ? reason.Reason : AbortReason.UnrecognizedPdu);
        }

        return new AAbort(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu);
    }

    private async ValueTask<(UpperLayerState, UpperLayerIndication)> SendThenAsync(Pdu pdu, UpperLayerState next, bool startArtim, CancellationToken cancellationToken)
    {
        await SendAsync(pdu, cancellationToken).ConfigureAwait(false);
        if (startArtim)
        {
            _artim.Start();
        }

        return (next, UpperLayerIndication.None);
    }

    /// <summary>Sends a PDU; a failed send closes the transport and leaves the machine in Sta1 before the exception goes on.</summary>
    private async ValueTask SendAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.SendAsync(pdu, cancellationToken).ConfigureAwait(false);
            Log.PduSent(_logger, pdu.Name);
        }
        catch (Exception exception) when (exception is DicomNetworkException or IOException or OperationCanceledException)
        {
            Log.SendFailed(_logger, pdu.Name, exception);
            _artim.Stop();
            _transport.Close();
            State = UpperLayerState.Sta1;
            throw;
        }
    }

    /// <summary>Sends an A-ABORT where the connection still takes it; a peer that is gone needs no abort.</summary>
    private async ValueTask TrySendAbortAsync(AAbort abort, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.SendAsync(abort, cancellationToken).ConfigureAwait(false);
            Log.PduSent(_logger, $"{abort.Name} source {abort.Source} reason {abort.Reason}");
        }
        catch (Exception exception) when (exception is DicomNetworkException or IOException)
        {
            Log.SendFailed(_logger, abort.Name, exception);
            _transport.Close();
        }
    }

    private void OnArtimExpired()
    {
        Log.ArtimExpired(_logger, _artim.Timeout.TotalMilliseconds, State);
        _ = HandleExpiryAsync();

        async Task HandleExpiryAsync()
        {
            try
            {
                await HandleAsync(UpperLayerEvent.Evt18).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The connection finished while the timer fired; nothing is left to close.
            }
            catch (Exception exception) when (exception is DicomNetworkException or IOException)
            {
                Log.ArtimHandlingFailed(_logger, exception);
            }
        }
    }

    private static ValueTask<(UpperLayerState, UpperLayerIndication)> Done(UpperLayerState next, UpperLayerIndicationKind kind, Pdu? pdu) =>
        ValueTask.FromResult((next, new UpperLayerIndication(kind, pdu)));

    private static T Require<T>(Pdu? pdu, UpperLayerEvent evt)
        where T : Pdu =>
        pdu as T ?? throw new ArgumentException($"{evt} needs a {typeof(T).Name}, got {pdu?.GetType().Name ?? "none"}.", nameof(pdu));
}
