namespace Node.Dicom.Network.Pdus;

/// <summary>Source field of A-ABORT (PS3.8 Table 9-26).</summary>
public enum AbortSource : byte
{
    ServiceUser = 0,
    Reserved = 1,
    ServiceProvider = 2,
}
