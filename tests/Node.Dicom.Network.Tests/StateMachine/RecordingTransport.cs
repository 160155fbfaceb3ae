using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.StateMachine;

namespace Node.Dicom.Network.Tests.StateMachine;

/// <summary>A transport that records what the state machine does with it.</summary>
internal sealed class RecordingTransport : IUpperLayerTransport
{
    public List<Pdu> Sent { get; } = [];

    public bool Connected { get; private set; }

    public bool Closed { get; private set; }

    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        Connected = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask SendAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        Sent.Add(pdu);
        return ValueTask.CompletedTask;
    }

    public void Close() => Closed = true;
}
