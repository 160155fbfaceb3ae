using System.Text;
using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Emitting;

/// <summary>Writes Node.Dicom.Tags.DicomTags: one field per keyword of an element with a single tag.</summary>
internal static class TagsEmitter
{
    public const string RelativePath = "src/Node.Dicom/Tags/DicomTags.g.cs";

    public static GeneratedFile Emit(IReadOnlyList<TagRow> rows, string sources)
    {
        var text = GeneratedFile.Begin(sources);
        text.Line();
        text.Line("namespace Node.Dicom.Tags;");
        text.Line();
        text.Line("/// <summary>");
        text.Line("/// The tag of each data dictionary element that has a single tag, named by its PS3.6 keyword.");
        text.Line("/// Repeating tags such as Overlay Data (60xx,3000) are found through");
        text.Line("/// <see cref=\"Node.Dicom.Dictionary.DicomDictionary\"/> only. Each is a property that creates");
        text.Line("/// the tag, which the JIT compiles to a constant; 5,000 static fields would instead be set all at");
        text.Line("/// once by a type initializer on first use of any of them.");
        text.Line("/// </summary>");
        text.Line("public static partial class DicomTags");
        text.Line("{");
        var first = true;
        foreach (var row in rows.Where(row => row.Pattern.IsExact))
        {
            if (!first)
            {
                text.Line();
            }

            first = false;
            text.Line($"    /// <summary>{Describe(row)}</summary>");
            text.Line($"    public static DicomTag {row.Keyword} => new({CSharpText.Hex16(row.Pattern.Group)}, {CSharpText.Hex16(row.Pattern.Element)});");
        }

        text.Line("}");
        return new GeneratedFile(RelativePath, text.ToString());
    }

    private static string Describe(TagRow row)
    {
        var description = new StringBuilder();
        description.Append(row.Pattern).Append(' ').Append(CSharpText.XmlDoc(row.Name)).Append(": ");
        description.Append(row.ValueRepresentations.Count == 0 ? "no VR" : string.Join(" or ", row.ValueRepresentations));
        description.Append(", VM ").Append(row.ValueMultiplicity);
        return description.Append(row.IsRetired ? ", retired." : ".").ToString();
    }
}
