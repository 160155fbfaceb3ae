namespace Node.Dicom.Network.Tests.Pdus;

/// <summary>
/// PDU bytes written out by hand from the layouts of PS3.8 9.3 (big-endian lengths, 16-byte
/// space-padded AE titles, items with a 2-byte length), independent of our writer.
/// </summary>
internal static class PduFixtures
{
    /// <summary>A-RELEASE-RQ: type 05, reserved, length 4, four reserved bytes.</summary>
    public static readonly byte[] ReleaseRq = [0x05, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00];

    public static readonly byte[] ReleaseRp = [0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00];

    /// <summary>A-ABORT from the service provider, reason 2 (unexpected PDU).</summary>
    public static readonly byte[] AbortProviderUnexpected = [0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x02];

    /// <summary>A-ASSOCIATE-RJ: transient (2), source 3 (presentation), reason 2 (local limit exceeded).</summary>
    public static readonly byte[] RejectLocalLimit = [0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x02, 0x03, 0x02];

    /// <summary>P-DATA-TF with one PDV: context 1, last command fragment, four bytes.</summary>
    public static readonly byte[] PDataOneCommandPdv =
    [
        0x04, 0x00, 0x00, 0x00, 0x00, 0x0A,
        0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0xAA, 0xBB, 0xCC, 0xDD,
    ];

    /// <summary>P-DATA-TF with two PDVs on context 3: data not last (2 bytes), then data last (2 bytes).</summary>
    public static readonly byte[] PDataTwoDataPdvs =
    [
        0x04, 0x00, 0x00, 0x00, 0x00, 0x10,
        0x00, 0x00, 0x00, 0x04, 0x03, 0x00, 0x01, 0x02,
        0x00, 0x00, 0x00, 0x04, 0x03, 0x02, 0x03, 0x04,
    ];

    /// <summary>An HTTP request's first bytes: type 0x47 ('G') and a length of "T / " = 0x54202F20.</summary>
    public static readonly byte[] HttpGet = "GET / HTTP/1.1\r\nHost: node\r\n\r\n"u8.ToArray();

    /// <summary>P-DATA-TF header claiming 0xFFFFFFFF bytes.</summary>
    public static readonly byte[] PDataHugeLength = [0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF];

    /// <summary>A-ASSOCIATE-RQ header claiming 0x7FFFFFFF bytes.</summary>
    public static readonly byte[] AssociateRqHugeLength = [0x01, 0x00, 0x7F, 0xFF, 0xFF, 0xFF];

    /// <summary>
    /// A-ASSOCIATE-RQ from STORESCU to AINODE proposing Verification (context 1) in Implicit VR
    /// Little Endian, with Maximum Length 16384 and Implementation Class UID 1.2.3.
    /// </summary>
    public static byte[] AssociateRqVerification(string called = "AINODE", string calling = "STORESCU", string abstractSyntax = "1.2.840.10008.1.1")
    {
        var bytes = new List<byte>();
        bytes.AddRange([0x00, 0x01, 0x00, 0x00]);
        bytes.AddRange(Pad16(called));
        bytes.AddRange(Pad16(calling));
        bytes.AddRange(new byte[32]);
        bytes.AddRange(Item(0x10, Ascii("1.2.840.10008.3.1.1.1")));
        bytes.AddRange(Item(0x20, [0x01, 0x00, 0x00, 0x00, .. Item(0x30, Ascii(abstractSyntax)), .. Item(0x40, Ascii("1.2.840.10008.1.2"))]));
        bytes.AddRange(Item(0x50, [.. Item(0x51, [0x00, 0x00, 0x40, 0x00]), .. Item(0x52, Ascii("1.2.3"))]));
        return [0x01, 0x00, .. BigEndian32(bytes.Count), .. bytes];
    }

    public static byte[] Item(byte type, byte[] value) => [type, 0x00, (byte)(value.Length >> 8), (byte)value.Length, .. value];

    public static byte[] Ascii(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    public static byte[] Pad16(string text) => Ascii(text.PadRight(16));

    public static byte[] BigEndian32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
