namespace Node.Dicom.Network.Pdus;

/// <summary>Source field of A-ASSOCIATE-RJ (PS3.8 Table 9-21).</summary>
public enum RejectSource : byte
{
    ServiceUser = 1,

    /// <summary>Service provider, ACSE related function.</summary>
    ServiceProviderAcse = 2,

    /// <summary>Service provider, presentation related function.</summary>
    ServiceProviderPresentation = 3,
}
