namespace Node.Dicom.Network.StateMachine;

/// <summary>Actions of the DICOM Upper Layer state machine (PS3.8 Table 9-6 to 9-9); AE1 stands for AE-1 and so on.</summary>
public enum UpperLayerAction
{
    AE1,
    AE2,
    AE3,
    AE4,
    AE5,
    AE6,
    AE7,
    AE8,
    DT1,
    DT2,
    AR1,
    AR2,
    AR3,
    AR4,
    AR5,
    AR6,
    AR7,
    AR8,
    AR9,
    AR10,
    AA1,
    AA2,
    AA3,
    AA4,
    AA5,
    AA6,
    AA7,
    AA8,
}
