using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Errors;

/// <summary>The association ended by an A-ABORT, sent by the peer or by this side's provider, or by a dropped connection.</summary>
public sealed class DicomAssociationAbortedException : DicomNetworkException
{
    public DicomAssociationAbortedException(AbortSource source, AbortReason reason, string? detail = null, Exception? innerException = null)
        : base($"Association aborted: source {source} ({(byte)source}), reason {reason} ({(byte)reason}){(detail is null ? "" : ": " + detail)}.", innerException)
    {
        AbortSource = source;
        AbortReason = reason;
    }

    public AbortSource AbortSource { get; }

    public AbortReason AbortReason { get; }

    /// <summary>An abort ends only this association, so a new one may succeed.</summary>
    public override bool IsTransient => true;
}
