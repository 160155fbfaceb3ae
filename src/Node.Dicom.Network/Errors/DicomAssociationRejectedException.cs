using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Errors;

/// <summary>The peer rejected our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ.</summary>
public sealed class DicomAssociationRejectedException : DicomNetworkException
{
    public DicomAssociationRejectedException(RejectResult result, RejectSource source, byte reason)
        : base($"Association rejected: result {result} ({(byte)result}), source {source} ({(byte)source}), reason {RejectReasons.Describe(source, reason)} ({reason}).")
    {
        Result = result;
        RejectSource = source;
        Reason = reason;
    }

    public RejectResult Result { get; }

    public RejectSource RejectSource { get; }

    /// <summary>The reason/diagnostic byte, whose meaning depends on <see cref="RejectSource"/> (see <see cref="RejectReasons"/>).</summary>
    public byte Reason { get; }

    /// <summary>A transient reject (for example too many associations) may pass later; a permanent one will not.</summary>
    public override bool IsTransient => Result == RejectResult.Transient;
}
