namespace Node.Dicom.Network.Pdus;

/// <summary>Fixed sizes and values of the Upper Layer encoding (PS3.8 9.3).</summary>
public static class PduLayout
{
    /// <summary>PDU type (1), reserved (1), PDU length (4, big endian).</summary>
    public const int HeaderLength = 6;

    /// <summary>Item type (1), reserved (1), item length (2, big endian).</summary>
    public const int ItemHeaderLength = 4;

    /// <summary>PDV item length (4), presentation context ID (1), message control header (1).</summary>
    public const int PdvHeaderLength = 6;

    /// <summary>PDV item length (4): the part of the PDV header that its own length does not count.</summary>
    public const int PdvLengthFieldLength = 4;

    /// <summary>PDU length of A-ASSOCIATE-RJ, A-RELEASE-RQ, A-RELEASE-RP and A-ABORT.</summary>
    public const int ShortPduLength = 4;

    /// <summary>Protocol version (2), reserved (2), called AE (16), calling AE (16), reserved (32).</summary>
    public const int AssociateFixedLength = 68;

    public const int AeTitleLength = 16;

    /// <summary>Bit 0 of the protocol version field: version 1, the only one defined.</summary>
    public const ushort ProtocolVersion1 = 0x0001;

    /// <summary>The only application context name DICOM defines.</summary>
    public const string DicomApplicationContextName = "1.2.840.10008.3.1.1.1";

    /// <summary>Message control header bit 0: set for a command fragment, clear for a data set fragment.</summary>
    public const byte CommandBit = 0x01;

    /// <summary>Message control header bit 1: set on the last fragment of a command or data set.</summary>
    public const byte LastFragmentBit = 0x02;
}
