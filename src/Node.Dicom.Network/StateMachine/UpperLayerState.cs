namespace Node.Dicom.Network.StateMachine;

/// <summary>States of the DICOM Upper Layer state machine (PS3.8 Table 9-9).</summary>
public enum UpperLayerState
{
    /// <summary>Idle: no transport connection.</summary>
    Sta1 = 1,

    /// <summary>Transport connection open, awaiting A-ASSOCIATE-RQ (acceptor).</summary>
    Sta2,

    /// <summary>Awaiting the local A-ASSOCIATE response primitive (acceptor decides).</summary>
    Sta3,

    /// <summary>Awaiting transport connection to open (requestor).</summary>
    Sta4,

    /// <summary>A-ASSOCIATE-RQ sent, awaiting A-ASSOCIATE-AC or -RJ (requestor).</summary>
    Sta5,

    /// <summary>Association established, ready for data transfer.</summary>
    Sta6,

    /// <summary>A-RELEASE-RQ sent, awaiting A-RELEASE-RP.</summary>
    Sta7,

    /// <summary>A-RELEASE-RQ received, awaiting the local A-RELEASE response primitive.</summary>
    Sta8,

    /// <summary>Release collision, requestor side: awaiting the local A-RELEASE response primitive.</summary>
    Sta9,

    /// <summary>Release collision, acceptor side: awaiting A-RELEASE-RP.</summary>
    Sta10,

    /// <summary>Release collision, requestor side: awaiting A-RELEASE-RP.</summary>
    Sta11,

    /// <summary>Release collision, acceptor side: awaiting the local A-RELEASE response primitive.</summary>
    Sta12,

    /// <summary>Association gone, awaiting the transport connection to close.</summary>
    Sta13,
}
