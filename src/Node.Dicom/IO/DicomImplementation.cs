namespace Node.Dicom.IO;

/// <summary>
/// The identity this library writes into file meta information (0002,0012)-(0002,0013) and,
/// through the network layer, into association requests and acceptances.
/// </summary>
public static class DicomImplementation
{
    /// <summary>Implementation Class UID: a UUID-derived UID fixed for this implementation (PS3.7 D.3.3.2).</summary>
    public const string ClassUid = "2.25.198833179474607926379779227008571987953";

    /// <summary>Implementation Version Name, at most 16 characters.</summary>
    public const string VersionName = "AINODE_0.1";
}
