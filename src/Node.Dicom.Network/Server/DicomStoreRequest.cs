using Node.Dicom.Network.Association;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Server;

/// <summary>One C-STORE request as passed to a handler.</summary>
/// <param name="Association">Calling and called AE, remote address and association id.</param>
/// <param name="SopClassUid">Affected SOP Class UID (0000,0002) of the command, checked against the presentation context.</param>
/// <param name="SopInstanceUid">Affected SOP Instance UID (0000,1000) of the command, checked to be a valid UID.</param>
/// <param name="TransferSyntax">The transfer syntax negotiated for the presentation context, in which the data set arrives.</param>
/// <param name="MessageId">Message ID (0000,0110).</param>
/// <param name="Priority">Priority (0000,0700): 0 medium, 1 high, 2 low.</param>
public sealed record DicomStoreRequest(
    DicomAssociationInfo Association,
    string SopClassUid,
    string SopInstanceUid,
    DicomTransferSyntax TransferSyntax,
    ushort MessageId,
    ushort Priority);
