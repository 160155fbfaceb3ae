namespace Node.Dicom.Network.Dimse;

/// <summary>Command Field (0000,0100) values of the DIMSE-C messages (PS3.7 E.1).</summary>
public static class CommandField
{
    public const ushort CStoreRq = 0x0001;
    public const ushort CStoreRsp = 0x8001;
    public const ushort CGetRq = 0x0010;
    public const ushort CFindRq = 0x0020;
    public const ushort CMoveRq = 0x0021;
    public const ushort CEchoRq = 0x0030;
    public const ushort CEchoRsp = 0x8030;
    public const ushort CCancelRq = 0x0FFF;

    /// <summary>Bit set in every response's command field.</summary>
    public const ushort ResponseBit = 0x8000;

    /// <summary>Command Data Set Type (0000,0800) value meaning "no data set follows"; any other value means one follows.</summary>
    public const ushort NoDataSet = 0x0101;

    /// <summary>Command Data Set Type this node writes when a data set follows.</summary>
    public const ushort DataSetPresent = 0x0000;

    /// <summary>Priority (0000,0700) MEDIUM.</summary>
    public const ushort PriorityMedium = 0x0000;

    public static string Describe(ushort field) => field switch
    {
        CStoreRq => "C-STORE-RQ",
        CStoreRsp => "C-STORE-RSP",
        CGetRq => "C-GET-RQ",
        CFindRq => "C-FIND-RQ",
        CMoveRq => "C-MOVE-RQ",
        CEchoRq => "C-ECHO-RQ",
        CEchoRsp => "C-ECHO-RSP",
        CCancelRq => "C-CANCEL-RQ",
        _ => $"command 0x{field:X4}",
    };
}
