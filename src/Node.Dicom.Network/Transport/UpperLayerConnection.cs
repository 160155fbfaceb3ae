using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.StateMachine;

namespace Node.Dicom.Network.Transport;

/// <summary>
/// One connection's transport and state machine together: reads PDUs, turns each into its
/// event and returns the indication. A protocol fault becomes Evt19, a closed or broken
/// connection Evt17.
/// </summary>
internal sealed class UpperLayerConnection : IDisposable
{
    /// <summary>Logs received PDUs and faults inside the association's scope.</summary>
    private readonly ILogger _logger;

    /// <summary>Set after a protocol fault: the stream is no longer at a PDU boundary, so it is only drained.</summary>
    private bool _outOfStep;

    public UpperLayerConnection(StreamTransport transport, UpperLayerStateMachine machine, ILogger logger)
    {
        Transport = transport;
        Machine = machine;
        _logger = logger;
    }

    public StreamTransport Transport { get; }

    public UpperLayerStateMachine Machine { get; }

    /// <summary>
    /// Reads the next PDU and runs its event. Returns null once the machine is back in Sta1,
    /// meaning the connection is over.
    /// </summary>
    /// <param name="idleTimeout">Read deadline while ARTIM is not running; ARTIM bounds the others.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DicomNetworkTimeoutException">Nothing arrived within <paramref name="idleTimeout"/>.</exception>
    public async ValueTask<UpperLayerIndication?> ReceiveAsync(TimeSpan? idleTimeout, CancellationToken cancellationToken)
    {
        if (Machine.State == UpperLayerState.Sta1)
        {
            return null;
        }

        Pdu? pdu;
        try
        {
            if (_outOfStep)
            {
                await Transport.DrainAsync(cancellationToken).ConfigureAwait(false);
                return await Machine.HandleAsync(UpperLayerEvent.Evt17, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            pdu = await Transport.ReadAsync(Machine.IsArtimRunning ? null : idleTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DicomProtocolException exception)
        {
            Log.ProtocolViolation(_logger, exception.Message);
            _outOfStep = true;
            return await Machine.HandleAsync(UpperLayerEvent.Evt19, new AAbort(AbortSource.ServiceProvider, exception.AbortReason), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            return await Machine.HandleAsync(UpperLayerEvent.Evt17, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (pdu is null)
        {
            return await Machine.HandleAsync(UpperLayerEvent.Evt17, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        Log.PduReceived(_logger, Describe(pdu));
        return await Machine.HandleAsync(EventFor(pdu), pdu, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports a fault found above the PDU layer (in the DIMSE messages) as Evt19: A-ABORT and ARTIM.</summary>
    public ValueTask<UpperLayerIndication> AbortOnProtocolFaultAsync(DicomProtocolException exception, CancellationToken cancellationToken)
    {
        Log.ProtocolViolation(_logger, exception.Message);
        return Machine.HandleAsync(UpperLayerEvent.Evt19, new AAbort(AbortSource.ServiceProvider, exception.AbortReason), cancellationToken);
    }

    public void Dispose()
    {
        Transport.Dispose();
        Machine.Dispose();
    }

    public static UpperLayerEvent EventFor(Pdu pdu) => pdu.Type switch
    {
        PduType.AAssociateAc => UpperLayerEvent.Evt3,
        PduType.AAssociateRj => UpperLayerEvent.Evt4,
        PduType.AAssociateRq => UpperLayerEvent.Evt6,
        PduType.PDataTf => UpperLayerEvent.Evt10,
        PduType.AReleaseRq => UpperLayerEvent.Evt12,
        PduType.AReleaseRp => UpperLayerEvent.Evt13,
        PduType.AAbort => UpperLayerEvent.Evt16,
        _ => UpperLayerEvent.Evt19,
    };

    private static string Describe(Pdu pdu) => pdu switch
    {
        PDataTf data => $"{data.Name} with {data.Values.Count} PDV(s), {data.Values.Sum(value => value.Fragment.Length)} bytes",
        AAbort abort => $"{abort.Name} source {abort.Source} reason {abort.Reason}",
        AAssociateRj reject => $"{reject.Name} result {reject.Result} source {reject.Source} reason {reject.Reason}",
        _ => pdu.Name,
    };
}
