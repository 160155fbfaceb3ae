namespace Node.Dicom.Vr;

/// <summary>How the value of a value representation is encoded (PS3.5 6.2).</summary>
public enum DicomVRKind
{
    /// <summary>Character string: AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT.</summary>
    Text,

    /// <summary>Fixed-size binary numbers: AT FD FL SL SS SV UL US UV.</summary>
    Number,

    /// <summary>Byte or word streams: OB OD OF OL OV OW.</summary>
    Bulk,

    /// <summary>Sequence of items: SQ.</summary>
    Sequence,

    /// <summary>Unknown: UN, bytes kept as they came.</summary>
    Unknown,
}
