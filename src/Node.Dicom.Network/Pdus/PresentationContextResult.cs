namespace Node.Dicom.Network.Pdus;

/// <summary>Result/Reason field of a Presentation Context item in A-ASSOCIATE-AC (PS3.8 Table 9-18).</summary>
public enum PresentationContextResult : byte
{
    Acceptance = 0,
    UserRejection = 1,

    /// <summary>Provider rejection, no reason.</summary>
    NoReason = 2,

    /// <summary>Provider rejection: abstract syntax not supported.</summary>
    AbstractSyntaxNotSupported = 3,

    /// <summary>Provider rejection: none of the proposed transfer syntaxes is supported.</summary>
    TransferSyntaxesNotSupported = 4,
}
