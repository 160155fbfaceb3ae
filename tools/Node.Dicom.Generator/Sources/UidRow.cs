namespace Node.Dicom.Generator.Sources;

/// <summary>One UID registry row as the generator merges and writes it.</summary>
/// <param name="Uid">The UID text.</param>
/// <param name="Keyword">The PS3.6 keyword.</param>
/// <param name="Name">The PS3.6 name.</param>
/// <param name="TypeName">The member name of Node.Dicom.Uids.DicomUidType, for example "SopClass".</param>
/// <param name="IsRetired">True for a retired UID.</param>
internal sealed record UidRow(string Uid, string Keyword, string Name, string TypeName, bool IsRetired);
