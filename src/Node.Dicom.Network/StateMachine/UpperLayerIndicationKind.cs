namespace Node.Dicom.Network.StateMachine;

/// <summary>What the state machine passes up to the local user after an event (the indication and confirmation primitives of PS3.8).</summary>
public enum UpperLayerIndicationKind
{
    None,

    /// <summary>A-ASSOCIATE indication: an acceptable request arrived and the user must accept (Evt7) or reject (Evt8) it.</summary>
    AssociateRequest,

    /// <summary>A-ASSOCIATE confirmation (accept).</summary>
    AssociateAccepted,

    /// <summary>A-ASSOCIATE confirmation (reject).</summary>
    AssociateRejected,

    /// <summary>P-DATA indication.</summary>
    PData,

    /// <summary>A-RELEASE indication: the user must respond with Evt14 once its pending responses are sent.</summary>
    ReleaseRequest,

    /// <summary>A-RELEASE confirmation: the release completed.</summary>
    ReleaseConfirmed,

    /// <summary>A-ABORT indication: the peer sent A-ABORT.</summary>
    Aborted,

    /// <summary>A-P-ABORT indication: the connection dropped or this side's provider aborted on a protocol fault.</summary>
    ProviderAborted,
}
