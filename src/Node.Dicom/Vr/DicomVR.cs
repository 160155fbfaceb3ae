namespace Node.Dicom.Vr;

/// <summary>
/// A value representation of PS3.5 Table 6.2-1: its two-letter code and the encoding facts the
/// reader and writer need.
/// </summary>
public sealed class DicomVR
{
    private DicomVR(string code, DicomVRKind kind, int unitSize, bool hasLongExplicitLength, int maxLength, bool isMultiValued, bool usesCharacterSet)
    {
        Code = code;
        Kind = kind;
        UnitSize = unitSize;
        HasLongExplicitLength = hasLongExplicitLength;
        MaxLength = maxLength;
        IsMultiValued = isMultiValued;
        UsesCharacterSet = usesCharacterSet;
        Code16 = (ushort)((code[0] << 8) | code[1]);
    }

    /// <summary>The two-letter code, for example "PN".</summary>
    public string Code { get; }

    /// <summary>The code's two ASCII bytes as they stand in an Explicit VR header, first letter high.</summary>
    public ushort Code16 { get; }

    public DicomVRKind Kind { get; }

    /// <summary>
    /// Size in bytes of one binary number, which is the unit a byte-order change swaps: 2 for US
    /// SS OW and AT, 4 for UL SL FL OF OL, 8 for FD OD SV UV OV; 1 for text, OB, UN and SQ.
    /// </summary>
    public int UnitSize { get; }

    /// <summary>
    /// True where the Explicit VR header has two reserved bytes and a 32-bit length (PS3.5
    /// 7.1.2): OB OD OF OL OV OW SQ SV UC UN UR UT UV.
    /// </summary>
    public bool HasLongExplicitLength { get; }

    /// <summary>Maximum length in bytes (characters for text) of one value; 0 where the standard sets none.</summary>
    public int MaxLength { get; }

    /// <summary>True where a backslash separates values (text VRs other than LT, ST, UT and UR).</summary>
    public bool IsMultiValued { get; }

    /// <summary>True where Specific Character Set (0008,0005) governs the bytes: SH LO UC ST LT UT PN.</summary>
    public bool UsesCharacterSet { get; }

    /// <summary>The byte that pads a value to even length: 0x00 for UI and binary VRs, a space for text.</summary>
    public byte PaddingByte => Kind == DicomVRKind.Text && this != UI ? (byte)' ' : (byte)0;

    public static readonly DicomVR AE = Text("AE", 16, multi: true);
    public static readonly DicomVR AS = Text("AS", 4, multi: true);
    public static readonly DicomVR AT = new("AT", DicomVRKind.Number, 2, false, 0, true, false);
    public static readonly DicomVR CS = Text("CS", 16, multi: true);
    public static readonly DicomVR DA = Text("DA", 8, multi: true);
    public static readonly DicomVR DS = Text("DS", 16, multi: true);
    public static readonly DicomVR DT = Text("DT", 26, multi: true);
    public static readonly DicomVR FD = Number("FD", 8);
    public static readonly DicomVR FL = Number("FL", 4);
    public static readonly DicomVR IS = Text("IS", 12, multi: true);
    public static readonly DicomVR LO = Text("LO", 64, multi: true, charset: true);
    public static readonly DicomVR LT = Text("LT", 10240, multi: false, charset: true);
    public static readonly DicomVR OB = Bulk("OB", 1);
    public static readonly DicomVR OD = Bulk("OD", 8);
    public static readonly DicomVR OF = Bulk("OF", 4);
    public static readonly DicomVR OL = Bulk("OL", 4);
    public static readonly DicomVR OV = Bulk("OV", 8);
    public static readonly DicomVR OW = Bulk("OW", 2);
    public static readonly DicomVR PN = Text("PN", 64, multi: true, charset: true);
    public static readonly DicomVR SH = Text("SH", 16, multi: true, charset: true);
    public static readonly DicomVR SL = Number("SL", 4);
    public static readonly DicomVR SQ = new("SQ", DicomVRKind.Sequence, 1, true, 0, false, false);
    public static readonly DicomVR SS = Number("SS", 2);
    public static readonly DicomVR ST = Text("ST", 1024, multi: false, charset: true);
    public static readonly DicomVR SV = new("SV", DicomVRKind.Number, 8, true, 0, true, false);
    public static readonly DicomVR TM = Text("TM", 14, multi: true);
    public static readonly DicomVR UC = Text("UC", 0, multi: true, charset: true, longLength: true);
    public static readonly DicomVR UI = Text("UI", 64, multi: true);
    public static readonly DicomVR UL = Number("UL", 4);
    public static readonly DicomVR UN = new("UN", DicomVRKind.Unknown, 1, true, 0, false, false);
    public static readonly DicomVR UR = Text("UR", 0, multi: false, longLength: true);
    public static readonly DicomVR US = Number("US", 2);
    public static readonly DicomVR UT = Text("UT", 0, multi: false, charset: true, longLength: true);
    public static readonly DicomVR UV = new("UV", DicomVRKind.Number, 8, true, 0, true, false);

    /// <summary>All 34 value representations, in alphabetical order.</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW,
        PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    private static readonly Dictionary<ushort, DicomVR> ByCode16 = All.ToDictionary(vr => vr.Code16);

    /// <summary>Finds the VR whose two ASCII bytes, first letter high, are <paramref name="code16"/>.</summary>
    public static bool TryGet(ushort code16, out DicomVR vr) => ByCode16.TryGetValue(code16, out vr!);

    /// <summary>Finds the VR with the two-letter <paramref name="code"/>.</summary>
    public static bool TryParse(string? code, out DicomVR vr)
    {
        vr = UN;
        return code is { Length: 2 } && TryGet((ushort)((code[0] << 8) | code[1]), out vr);
    }

    /// <exception cref="ArgumentException">The code is not one of the 34 VRs.</exception>
    public static DicomVR Parse(string code) =>
        TryParse(code, out var vr) ? vr : throw new ArgumentException($"Unknown value representation '{code}'.", nameof(code));

    public override string ToString() => Code;

    private static DicomVR Text(string code, int maxLength, bool multi, bool charset = false, bool longLength = false) =>
        new(code, DicomVRKind.Text, 1, longLength, maxLength, multi, charset);

    private static DicomVR Number(string code, int size) => new(code, DicomVRKind.Number, size, false, 0, true, false);

    private static DicomVR Bulk(string code, int unit) => new(code, DicomVRKind.Bulk, unit, true, 0, false, false);
}
