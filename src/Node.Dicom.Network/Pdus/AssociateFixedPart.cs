namespace Node.Dicom.Network.Pdus;

/// <summary>The 68-byte fixed part shared by A-ASSOCIATE-RQ and A-ASSOCIATE-AC.</summary>
internal readonly record struct AssociateFixedPart(ushort ProtocolVersion, string CalledAeTitle, string CallingAeTitle)
{
    private const int ReservedAfterVersion = 2;
    private const int ReservedAfterAeTitles = 32;

    public static AssociateFixedPart Read(ref PduFieldReader reader)
    {
        var version = reader.ReadUInt16("Protocol-version");
        reader.Skip(ReservedAfterVersion, "Reserved (bytes 9-10)");
        var called = reader.ReadAeTitle("Called-AE-title");
        var calling = reader.ReadAeTitle("Calling-AE-title");
        reader.Skip(ReservedAfterAeTitles, "Reserved (bytes 43-74)");
        return new AssociateFixedPart(version, called, calling);
    }

    public static void Write(PduBufferWriter writer, ushort protocolVersion, string calledAeTitle, string callingAeTitle)
    {
        writer.WriteUInt16(protocolVersion);
        writer.WriteZeros(ReservedAfterVersion);
        writer.WriteBytes(PduText.EncodeAeTitle(calledAeTitle));
        writer.WriteBytes(PduText.EncodeAeTitle(callingAeTitle));
        writer.WriteZeros(ReservedAfterAeTitles);
    }
}
