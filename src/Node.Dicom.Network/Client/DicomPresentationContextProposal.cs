using Node.Dicom.Uids;

namespace Node.Dicom.Network.Client;

/// <summary>One presentation context to propose: an abstract syntax and the transfer syntaxes offered for it, preferred first.</summary>
public sealed record DicomPresentationContextProposal(string AbstractSyntax, IReadOnlyList<DicomTransferSyntax> TransferSyntaxes);
