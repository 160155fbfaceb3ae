using Node.Dicom.Generator.Merging;
using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Emitting;

/// <summary>Writes the UID table of Node.Dicom.Uids.DicomUidRegistry.</summary>
internal static class UidRegistryEmitter
{
    public const string RelativePath = "src/Node.Dicom/Uids/DicomUidRegistry.g.cs";

    private const string RetiredFlag = "retired";

    private const string StorageFlag = "storage";

    public static GeneratedFile Emit(UidMergeResult registry, string sources)
    {
        var text = GeneratedFile.Begin(sources);
        text.Line();
        text.Line("namespace Node.Dicom.Uids;");
        text.Line();
        text.Line("public static partial class DicomUidRegistry");
        text.Line("{");
        text.Line("    /// <summary>");
        text.Line("    /// The registry, ordered by UID compared component by component as numbers, one per line:");
        text.Line("    /// UID|keyword|name|DicomUidType member|flags. The flags are \"retired\" and \"storage\" (a storage");
        text.Line("    /// SOP class), separated by a space.");
        text.Line("    /// </summary>");
        TableText.AppendConstant(text, "UidTable", registry.Rows.Select(row => Row(row, registry.StorageSopClassUids.Contains(row.Uid))));
        text.Line("}");
        return new GeneratedFile(RelativePath, text.ToString());
    }

    private static string Row(UidRow row, bool isStorage)
    {
        var flags = new List<string>();
        if (row.IsRetired)
        {
            flags.Add(RetiredFlag);
        }

        if (isStorage)
        {
            flags.Add(StorageFlag);
        }

        return TableText.Row(row.Uid, row.Keyword, row.Name, row.TypeName, string.Join(' ', flags));
    }
}
