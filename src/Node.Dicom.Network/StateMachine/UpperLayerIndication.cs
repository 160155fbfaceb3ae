using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.StateMachine;

/// <summary>An indication for the local user and the PDU it carries, if any.</summary>
public readonly record struct UpperLayerIndication(UpperLayerIndicationKind Kind, Pdu? Pdu = null)
{
    public static readonly UpperLayerIndication None = new(UpperLayerIndicationKind.None);
}
