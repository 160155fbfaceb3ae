using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Emitting;

/// <summary>Writes Node.Dicom.Uids.DicomUids: one constant per registered UID, named by its PS3.6 keyword.</summary>
internal static class UidsEmitter
{
    public const string RelativePath = "src/Node.Dicom/Uids/DicomUids.g.cs";

    /// <summary>The UID types in words, for the documentation of each constant.</summary>
    private static readonly Dictionary<string, string> TypeWords = new(StringComparer.Ordinal)
    {
        ["Other"] = "UID",
        ["TransferSyntax"] = "transfer syntax",
        ["SopClass"] = "SOP class",
        ["MetaSopClass"] = "meta SOP class",
        ["WellKnownSopInstance"] = "well-known SOP instance",
        ["ServiceClass"] = "service class",
        ["CodingScheme"] = "coding scheme",
        ["ApplicationContextName"] = "application context name",
        ["ApplicationHostingModel"] = "application hosting model",
        ["ContextGroupName"] = "context group name",
        ["MappingResource"] = "mapping resource",
        ["LdapOid"] = "LDAP OID",
        ["SynchronizationFrameOfReference"] = "synchronization frame of reference",
    };

    public static GeneratedFile Emit(IReadOnlyList<UidRow> rows, string sources)
    {
        var text = GeneratedFile.Begin(sources);
        text.Line();
        text.Line("namespace Node.Dicom.Uids;");
        text.Line();
        text.Line("/// <summary>Every UID of the PS3.6 registry, named by its keyword.</summary>");
        text.Line("public static partial class DicomUids");
        text.Line("{");
        var first = true;
        foreach (var row in rows)
        {
            if (!first)
            {
                text.Line();
            }

            first = false;
            var retired = row.IsRetired ? ", retired" : string.Empty;
            text.Line($"    /// <summary>{CSharpText.XmlDoc(row.Name)}: {TypeWords[row.TypeName]}{retired}.</summary>");
            text.Line($"    public const string {row.Keyword} = {CSharpText.Literal(row.Uid)};");
        }

        text.Line("}");
        return new GeneratedFile(RelativePath, text.ToString());
    }
}
