namespace Node.Dicom.Uids;

/// <summary>The kind of a registered UID, as the "UID Type" column of PS3.6 Table A-1 names it.</summary>
public enum DicomUidType
{
    /// <summary>A type the dictionary generator did not recognise.</summary>
    Other,

    TransferSyntax,

    SopClass,

    /// <summary>A SOP class that groups other SOP classes, such as a print management meta SOP class.</summary>
    MetaSopClass,

    /// <summary>A fixed SOP instance, such as the Storage Commitment Push Model SOP Instance.</summary>
    WellKnownSopInstance,

    ServiceClass,

    /// <summary>A coding scheme, including "DICOM UIDs as a Coding Scheme".</summary>
    CodingScheme,

    /// <summary>The DICOM application context name that A-ASSOCIATE proposes.</summary>
    ApplicationContextName,

    ApplicationHostingModel,

    /// <summary>A context group of PS3.16, which names a set of codes.</summary>
    ContextGroupName,

    MappingResource,

    /// <summary>An object identifier of the DICOM LDAP schema of PS3.15.</summary>
    LdapOid,

    SynchronizationFrameOfReference,
}
