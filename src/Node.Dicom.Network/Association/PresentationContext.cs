using Node.Dicom.Network.Pdus;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Association;

/// <summary>One negotiated presentation context: what was proposed and the result the acceptor returned.</summary>
public sealed record PresentationContext(byte Id, string AbstractSyntax, PresentationContextResult Result, DicomTransferSyntax? TransferSyntax)
{
    /// <summary>True when the context was accepted with a transfer syntax found in DicomTransferSyntax.</summary>
    public bool IsAccepted => Result == PresentationContextResult.Acceptance && TransferSyntax is not null;
}
