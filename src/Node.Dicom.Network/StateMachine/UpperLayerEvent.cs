namespace Node.Dicom.Network.StateMachine;

/// <summary>Events of the DICOM Upper Layer state machine (PS3.8 Table 9-9).</summary>
public enum UpperLayerEvent
{
    /// <summary>A-ASSOCIATE request (local user).</summary>
    Evt1 = 1,

    /// <summary>Transport connect confirmation (local transport service).</summary>
    Evt2,

    /// <summary>A-ASSOCIATE-AC PDU received.</summary>
    Evt3,

    /// <summary>A-ASSOCIATE-RJ PDU received.</summary>
    Evt4,

    /// <summary>Transport connection indication (an incoming connection was accepted).</summary>
    Evt5,

    /// <summary>A-ASSOCIATE-RQ PDU received.</summary>
    Evt6,

    /// <summary>A-ASSOCIATE response primitive (accept).</summary>
    Evt7,

    /// <summary>A-ASSOCIATE response primitive (reject).</summary>
    Evt8,

    /// <summary>P-DATA request primitive.</summary>
    Evt9,

    /// <summary>P-DATA-TF PDU received.</summary>
    Evt10,

    /// <summary>A-RELEASE request primitive.</summary>
    Evt11,

    /// <summary>A-RELEASE-RQ PDU received.</summary>
    Evt12,

    /// <summary>A-RELEASE-RP PDU received.</summary>
    Evt13,

    /// <summary>A-RELEASE response primitive.</summary>
    Evt14,

    /// <summary>A-ABORT request primitive.</summary>
    Evt15,

    /// <summary>A-ABORT PDU received.</summary>
    Evt16,

    /// <summary>Transport connection closed indication.</summary>
    Evt17,

    /// <summary>ARTIM timer expired.</summary>
    Evt18,

    /// <summary>Unrecognized or invalid PDU received.</summary>
    Evt19,
}
