using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.StateMachine;
using Node.Dicom.Network.Transport;

namespace Node.Dicom.Network.Server;

/// <summary>
/// One incoming connection from accept to close: TLS handshake where configured, the Upper
/// Layer state machine as acceptor, association negotiation, and the DIMSE service once accepted.
/// </summary>
internal sealed class ServerAssociation
{
    /// <summary>The server, for the association count.</summary>
    private readonly DicomServer _server;

    private readonly Socket _socket;
    private readonly DicomServerOptions _options;
    private readonly IDicomStoreHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Cancelled to abort this association (server stop after the grace period).</summary>
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Set once this association has taken one of the server's association slots.</summary>
    private bool _holdsSlot;

    private ServerDimseService? _dimse;
    private DimseMessageAssembler? _assembler;

    public ServerAssociation(DicomServer server, Socket socket, string id, DicomServerOptions options, IDicomStoreHandler handler, TimeProvider timeProvider, ILogger logger)
    {
        _server = server;
        _socket = socket;
        Id = id;
        _options = options;
        _handler = handler;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Id { get; }

    /// <summary>Aborts the association: A-ABORT to the peer, then the connection closes.</summary>
    public void Abort() => _abort.Cancel();

    public async Task RunAsync()
    {
        var remote = _socket.RemoteEndPoint;
        using var scope = _logger.BeginScope(new AssociationLogScope(Id, remote?.ToString()));
        Log.ConnectionAccepted(_logger, remote?.ToString());

        var stream = await OpenStreamAsync(remote).ConfigureAwait(false);
        if (stream is null)
        {
            return;
        }

        var transport = new StreamTransport(_socket, stream, _options.TransportLimits, _timeProvider, _logger);
        var machine = new UpperLayerStateMachine(transport, _options.ArtimTimeout, _timeProvider, _logger);
        using var connection = new UpperLayerConnection(transport, machine, _logger);
        try
        {
            await machine.HandleAsync(UpperLayerEvent.Evt5).ConfigureAwait(false);
            await ServeAsync(connection, remote).ConfigureAwait(false);
        }
        finally
        {
            _dimse?.OnAborted();
            if (_holdsSlot)
            {
                _server.LeaveAssociation();
            }
        }
    }

    /// <summary>Returns the plain stream, or the TLS stream after a handshake bounded by ARTIM; null where the handshake failed.</summary>
    private async Task<Stream?> OpenStreamAsync(EndPoint? remote)
    {
        var network = new NetworkStream(_socket, ownsSocket: false);
        if (_options.Tls is not { } tls)
        {
            return network;
        }

        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        using var deadline = new CancellationTokenSource(_options.ArtimTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _abort.Token);
        try
        {
            await ssl.AuthenticateAsServerAsync(DicomTls.ServerOptions(tls), linked.Token).ConfigureAwait(false);
            Log.TlsEstablished(_logger, ssl.SslProtocol.ToString(), ssl.NegotiatedCipherSuite.ToString());
            return ssl;
        }
        catch (Exception exception) when (exception is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException or SocketException)
        {
            var reason = exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
            Log.TlsFailed(_logger, remote?.ToString() ?? "an unknown peer", reason);
            await ssl.DisposeAsync().ConfigureAwait(false);
            _socket.Dispose();
            return null;
        }
    }

    private async Task ServeAsync(UpperLayerConnection connection, EndPoint? remote)
    {
        while (true)
        {
            // Read the next PDU; a silent established association is aborted after the idle timeout.
            // It does not run while the peer waits for a response, but it does while a data set arrives.
            UpperLayerIndication? indication;
            try
            {
                var waitingForUs = _dimse is { IsBusy: true } && _assembler is { IsReceivingDataSet: false };
                var idle = waitingForUs ? (TimeSpan?)null : _options.IdleTimeout;
                indication = await connection.ReceiveAsync(idle, _abort.Token).ConfigureAwait(false);
            }
            catch (DicomNetworkTimeoutException)
            {
                Log.AssociationIdle(_logger, _options.IdleTimeout.TotalMilliseconds);
                await AbortLocallyAsync(connection).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                Log.AssociationAborted(_logger, "the server is stopping");
                await AbortLocallyAsync(connection).ConfigureAwait(false);
                return;
            }

            if (indication is not { } received)
            {
                return;
            }

            await OnIndicationAsync(connection, received, remote).ConfigureAwait(false);
        }
    }

    private async Task OnIndicationAsync(UpperLayerConnection connection, UpperLayerIndication indication, EndPoint? remote)
    {
        switch (indication.Kind)
        {
            case UpperLayerIndicationKind.AssociateRequest:
                await AnswerRequestAsync(connection, (AAssociateRq)indication.Pdu!, remote).ConfigureAwait(false);
                break;
            case UpperLayerIndicationKind.PData:
                await DeliverAsync(connection, (PDataTf)indication.Pdu!).ConfigureAwait(false);
                break;
            case UpperLayerIndicationKind.ReleaseRequest:
                await _dimse!.OnReleaseRequestedAsync().ConfigureAwait(false);
                await connection.Machine.HandleAsync(UpperLayerEvent.Evt14).ConfigureAwait(false);
                Log.AssociationReleased(_logger);
                break;
            case UpperLayerIndicationKind.Aborted when indication.Pdu is AAbort abort:
                Log.AssociationAbortedByPeer(_logger, (byte)abort.Source, (byte)abort.Reason);
                _dimse?.OnAborted();
                break;
            case UpperLayerIndicationKind.ProviderAborted:
                Log.AssociationAborted(_logger, indication.Pdu is AAbort sent ? $"protocol fault, A-ABORT reason {sent.Reason} sent" : "the connection closed");
                _dimse?.OnAborted();
                break;
        }
    }

    /// <summary>Decides once, then sends exactly one A-ASSOCIATE-AC or -RJ.</summary>
    private async Task AnswerRequestAsync(UpperLayerConnection connection, AAssociateRq request, EndPoint? remote)
    {
        _holdsSlot = _server.TryEnterAssociation();
        var decision = new AssociationAcceptor(_options).Decide(request, (remote as IPEndPoint)?.Address, overLimit: !_holdsSlot);
        if (!decision.IsAccepted)
        {
            var reject = (AAssociateRj)decision.Response;
            Log.AssociationRejected(_logger, request.CallingAeTitle, request.CalledAeTitle, (byte)reject.Result, (byte)reject.Source, reject.Reason, decision.RejectDetail!);
            ReleaseSlot();
            await connection.Machine.HandleAsync(UpperLayerEvent.Evt8, reject).ConfigureAwait(false);
            return;
        }

        foreach (var context in decision.Contexts)
        {
            Log.ContextNegotiated(_logger, context.Id, context.AbstractSyntax, context.Result.ToString(), context.TransferSyntax?.Uid);
        }

        var info = new DicomAssociationInfo(Id, request.CallingAeTitle, request.CalledAeTitle, remote);
        var sender = new DimseMessageSender((pdu, token) => SendPDataAsync(connection, pdu, token), request.UserInformation.MaxPduLength ?? 0);
        _dimse = new ServerDimseService(info, _handler, sender, _logger);
        _assembler = new DimseMessageAssembler(decision.Contexts.Where(context => context.IsAccepted).ToDictionary(context => context.Id));
        await connection.Machine.HandleAsync(UpperLayerEvent.Evt7, decision.Response).ConfigureAwait(false);
        Log.AssociationAccepted(_logger, request.CallingAeTitle, request.CalledAeTitle, decision.Contexts.Count(context => context.IsAccepted), decision.Contexts.Count);
    }

    private async Task DeliverAsync(UpperLayerConnection connection, PDataTf pdu)
    {
        try
        {
            await _assembler!.FeedAsync(pdu, _dimse!, _abort.Token).ConfigureAwait(false);
        }
        catch (DicomProtocolException exception)
        {
            _dimse!.OnAborted();
            await connection.AbortOnProtocolFaultAsync(exception, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async ValueTask SendPDataAsync(UpperLayerConnection connection, PDataTf pdu, CancellationToken cancellationToken) =>
        await connection.Machine.HandleAsync(UpperLayerEvent.Evt9, pdu, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends A-ABORT (service user) where an association exists, then closes without waiting for the peer.</summary>
    private async Task AbortLocallyAsync(UpperLayerConnection connection)
    {
        _dimse?.OnAborted();
        if (connection.Machine.State is not (UpperLayerState.Sta1 or UpperLayerState.Sta2 or UpperLayerState.Sta13))
        {
            await connection.Machine.HandleAsync(UpperLayerEvent.Evt15, new AAbort(AbortSource.ServiceUser, AbortReason.NotSpecified)).ConfigureAwait(false);
        }

        connection.Transport.Close("aborted locally");
    }

    private void ReleaseSlot()
    {
        if (_holdsSlot)
        {
            _holdsSlot = false;
            _server.LeaveAssociation();
        }
    }
}
