namespace Node.Dicom.Network.Pdus;

/// <summary>One Upper Layer protocol data unit (PS3.8 9.3). Each subtype knows its own layout.</summary>
public abstract record Pdu
{
    public abstract PduType Type { get; }

    /// <summary>The name PS3.8 gives the PDU, for example "A-ASSOCIATE-RQ".</summary>
    public abstract string Name { get; }

    /// <summary>Appends the whole PDU, header included.</summary>
    internal abstract void WriteTo(PduBufferWriter writer);
}
