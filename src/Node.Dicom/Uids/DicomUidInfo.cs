namespace Node.Dicom.Uids;

/// <summary>A registered UID of PS3.6 Table A-1 with its keyword, name and type.</summary>
/// <param name="Uid">The UID without padding, for example "1.2.840.10008.1.2.1".</param>
/// <param name="Keyword">The PS3.6 keyword, a valid C# identifier, for example "ExplicitVRLittleEndian".</param>
/// <param name="Name">The PS3.6 name, for example "Explicit VR Little Endian".</param>
/// <param name="Type">The kind of UID.</param>
/// <param name="IsRetired">True when the standard has retired the UID, though old peers may still send it.</param>
public sealed record DicomUidInfo(string Uid, string Keyword, string Name, DicomUidType Type, bool IsRetired);
