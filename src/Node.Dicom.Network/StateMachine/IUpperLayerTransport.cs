using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.StateMachine;

/// <summary>The transport service below the state machine: a TCP or TLS connection, or a test double.</summary>
internal interface IUpperLayerTransport
{
    /// <summary>Opens the connection (action AE-1); a requestor's transport only.</summary>
    ValueTask ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Writes one whole PDU within the write deadline.</summary>
    /// <exception cref="Errors.DicomNetworkException">The write failed or timed out; the transport is closed by then.</exception>
    ValueTask SendAsync(Pdu pdu, CancellationToken cancellationToken);

    /// <summary>Closes the connection; safe to call more than once.</summary>
    void Close();
}
