namespace Node.Dicom.Network.Pdus;

/// <summary>Reason/Diag values of A-ASSOCIATE-RJ; each meaning depends on the source (PS3.8 Table 9-21).</summary>
public static class RejectReasons
{
    /// <summary>Source 1 (service user): no reason given.</summary>
    public const byte UserNoReasonGiven = 1;

    /// <summary>Source 1 (service user): application context name not supported.</summary>
    public const byte ApplicationContextNameNotSupported = 2;

    /// <summary>Source 1 (service user): calling AE title not recognized.</summary>
    public const byte CallingAeTitleNotRecognized = 3;

    /// <summary>Source 1 (service user): called AE title not recognized.</summary>
    public const byte CalledAeTitleNotRecognized = 7;

    /// <summary>Source 2 (service provider, ACSE): no reason given.</summary>
    public const byte AcseNoReasonGiven = 1;

    /// <summary>Source 2 (service provider, ACSE): protocol version not supported.</summary>
    public const byte ProtocolVersionNotSupported = 2;

    /// <summary>Source 3 (service provider, presentation): temporary congestion.</summary>
    public const byte TemporaryCongestion = 1;

    /// <summary>Source 3 (service provider, presentation): local limit exceeded.</summary>
    public const byte LocalLimitExceeded = 2;

    /// <summary>Returns the standard's name of a reason for the given source, or "reserved".</summary>
    public static string Describe(RejectSource source, byte reason) => (source, reason) switch
    {
        (RejectSource.ServiceUser, UserNoReasonGiven) => "no-reason-given",
        (RejectSource.ServiceUser, ApplicationContextNameNotSupported) => "application-context-name-not-supported",
        (RejectSource.ServiceUser, CallingAeTitleNotRecognized) => "calling-AE-title-not-recognized",
        (RejectSource.ServiceUser, CalledAeTitleNotRecognized) => "called-AE-title-not-recognized",
        (RejectSource.ServiceProviderAcse, AcseNoReasonGiven) => "no-reason-given",
        (RejectSource.ServiceProviderAcse, ProtocolVersionNotSupported) => "protocol-version-not-supported",
        (RejectSource.ServiceProviderPresentation, TemporaryCongestion) => "temporary-congestion",
        (RejectSource.ServiceProviderPresentation, LocalLimitExceeded) => "local-limit-exceeded",
        _ => "reserved",
    };
}
