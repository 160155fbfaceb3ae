namespace Node.Dicom.Network.Pdus;

/// <summary>
/// One PDV item of a P-DATA-TF (PS3.8 9.3.5.1): item length (4), presentation context ID (1),
/// message control header (1), then a fragment of one command or one data set. On a received
/// PDU the fragment points into the reader's buffer and stays valid only until the next PDU is read.
/// </summary>
public sealed record PresentationDataValue(byte PresentationContextId, bool IsCommand, bool IsLast, ReadOnlyMemory<byte> Fragment)
{
    /// <summary>The message control header byte (PS3.8 Annex E.2).</summary>
    public byte ControlHeader => (byte)((IsCommand ? PduLayout.CommandBit : 0) | (IsLast ? PduLayout.LastFragmentBit : 0));

    /// <summary>Bytes this PDV adds to a P-DATA-TF PDU length, its own item length field included.</summary>
    public int EncodedLength => PduLayout.PdvHeaderLength + Fragment.Length;
}
