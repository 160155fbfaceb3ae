namespace Node.Dicom.Network.Dimse;

/// <summary>SOP class UIDs the network layer itself needs.</summary>
public static class DicomUids
{
    /// <summary>Verification SOP Class, the abstract syntax of C-ECHO.</summary>
    public const string Verification = "1.2.840.10008.1.1";
}
