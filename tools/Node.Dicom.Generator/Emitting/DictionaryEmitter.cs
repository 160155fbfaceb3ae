using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Emitting;

/// <summary>Writes the entry table of Node.Dicom.Dictionary.DicomDictionary.</summary>
internal static class DictionaryEmitter
{
    public const string RelativePath = "src/Node.Dicom/Dictionary/DicomDictionary.g.cs";

    private const string RetiredFlag = "retired";

    public static GeneratedFile Emit(IReadOnlyList<TagRow> rows, string sources)
    {
        var text = GeneratedFile.Begin(sources);
        text.Line();
        text.Line("namespace Node.Dicom.Dictionary;");
        text.Line();
        text.Line("public static partial class DicomDictionary");
        text.Line("{");
        text.Line("    /// <summary>");
        text.Line("    /// The standard entries, ordered by tag value and then by mask, one per line:");
        text.Line("    /// tag|keyword|name|VRs|VM|retired. The tag writes x for each open digit of a repeating tag;");
        text.Line("    /// several VRs are separated by '/'. The item and delimitation tags have none.");
        text.Line("    /// </summary>");
        TableText.AppendConstant(text, "EntryTable", rows.Select(Row));
        text.Line("}");
        return new GeneratedFile(RelativePath, text.ToString());
    }

    private static string Row(TagRow row) =>
        TableText.Row(
            row.Pattern.ToString(),
            row.Keyword,
            row.Name,
            string.Join('/', row.ValueRepresentations),
            row.ValueMultiplicity,
            row.IsRetired ? RetiredFlag : string.Empty);
}
