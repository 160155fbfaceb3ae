namespace Node.Dicom.Network.Pdus;

/// <summary>SCP/SCU Role Selection sub-item (type 0x54, PS3.7 D.3.3.4): UID length (2), SOP class UID, SCU role (1), SCP role (1).</summary>
public sealed record RoleSelectionItem(string SopClassUid, bool ScuRole, bool ScpRole)
{
    internal static RoleSelectionItem Parse(PduFieldReader reader)
    {
        var uidLength = reader.ReadUInt16("UID-length");
        var uid = reader.ReadUid(uidLength, "SOP-class-uid");
        var scu = reader.ReadByte("SCU-role");
        var scp = reader.ReadByte("SCP-role");
        return new RoleSelectionItem(uid, scu != 0, scp != 0);
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.RoleSelection);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteAscii(SopClassUid);
        writer.WriteByte(ScuRole ? (byte)1 : (byte)0);
        writer.WriteByte(ScpRole ? (byte)1 : (byte)0);
        writer.EndItem(lengthAt);
    }
}
