using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Errors;

/// <summary>
/// A PDU broke the Upper Layer protocol: an unknown type, a length that overruns its container
/// or our maximum, a missing item. Carries what the A-ABORT we send in reply reports.
/// </summary>
public sealed class DicomProtocolException : DicomNetworkException
{
    public DicomProtocolException(string pdu, string field, long offset, string reason, AbortReason abortReason = AbortReason.InvalidPduParameterValue)
        : base($"Invalid {pdu}: {field} at offset {offset}: {reason}.")
    {
        Pdu = pdu;
        Field = field;
        Offset = offset;
        Reason = reason;
        AbortReason = abortReason;
    }

    /// <summary>The PDU name as PS3.8 spells it, for example "A-ASSOCIATE-RQ" or "P-DATA-TF".</summary>
    public string Pdu { get; }

    /// <summary>The field being read, for example "Presentation Context item length".</summary>
    public string Field { get; }

    /// <summary>Byte offset of the field from the first byte of the PDU header.</summary>
    public long Offset { get; }

    public string Reason { get; }

    /// <summary>The A-ABORT reason that answers this fault (source is always the service provider).</summary>
    public AbortReason AbortReason { get; }
}
