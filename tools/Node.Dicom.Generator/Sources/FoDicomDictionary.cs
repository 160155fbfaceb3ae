using System.Xml.Linq;

namespace Node.Dicom.Generator.Sources;

/// <summary>
/// The fo-dicom "DICOM Dictionary.xml": PS3.6 Table 6-1, the group 0000 command elements of PS3.7
/// and the UID registry of PS3.6 Table A-1. Repeating tags write "x" digits, as in group="60xx";
/// elements with several VRs write them with slashes, as in vr="OB/OW".
/// </summary>
internal sealed class FoDicomDictionary
{
    public const string FileName = "fo-dicom-DICOM-Dictionary.xml";

    private static readonly Dictionary<string, string> UidTypeNames = new(StringComparer.Ordinal)
    {
        ["Transfer Syntax"] = "TransferSyntax",
        ["SOP Class"] = "SopClass",
        ["Meta SOP Class"] = "MetaSopClass",
        ["Well-known SOP Instance"] = "WellKnownSopInstance",
        ["Service Class"] = "ServiceClass",
        ["Coding Scheme"] = "CodingScheme",
        ["DICOM UIDs as a Coding Scheme"] = "CodingScheme",
        ["Application Context Name"] = "ApplicationContextName",
        ["Application Hosting Model"] = "ApplicationHostingModel",
        ["Context Group Name"] = "ContextGroupName",
        ["Mapping Resource"] = "MappingResource",
        ["LDAP OID"] = "LdapOid",
        ["Synchronization Frame of Reference"] = "SynchronizationFrameOfReference",
    };

    private FoDicomDictionary(string edition, IReadOnlyList<TagRow> tags, IReadOnlyList<UidRow> uids)
    {
        Edition = edition;
        Tags = tags;
        Uids = uids;
    }

    /// <summary>The edition of the standard, from the root element's version attribute, for example "2024c".</summary>
    public string Edition { get; }

    public IReadOnlyList<TagRow> Tags { get; }

    public IReadOnlyList<UidRow> Uids { get; }

    public static FoDicomDictionary Read(string path, TextWriter log)
    {
        var root = XDocument.Load(path).Root ?? throw new InvalidDataException($"{path} has no root element.");
        var edition = (string?)root.Attribute("version") ?? throw new InvalidDataException($"{path}: the root element has no version attribute.");
        var tags = root.Elements("tag").Select(ReadTag).ToList();
        var uids = root.Elements("uid").Select(element => ReadUid(element, log)).ToList();
        return new FoDicomDictionary(edition, tags, uids);
    }

    private static TagRow ReadTag(XElement element)
    {
        var group = Required(element, "group");
        var pattern = TagPattern.Parse(group, Required(element, "element"));
        var context = $"{FileName} tag {pattern}";
        var vrText = (string?)element.Attribute("vr") ?? string.Empty;
        var valueRepresentations = vrText.Length == 0 ? [] : vrText.Split('/');
        return new TagRow(
            pattern,
            SourceText.CheckKeyword(Required(element, "keyword"), context),
            SourceText.NormalizeName(element.Value),
            ValueRepresentationCodes.Check(valueRepresentations, context),
            Required(element, "vm"),
            IsRetired(element));
    }

    private static UidRow ReadUid(XElement element, TextWriter log)
    {
        var uid = Required(element, "uid");
        var typeText = Required(element, "type");
        if (!UidTypeNames.TryGetValue(typeText, out var typeName))
        {
            log.WriteLine($"warning: {FileName} UID {uid} has the unknown type '{typeText}'; written as Other.");
            typeName = "Other";
        }

        return new UidRow(
            uid,
            SourceText.CheckKeyword(Required(element, "keyword"), $"{FileName} UID {uid}"),
            SourceText.NormalizeName(element.Value),
            typeName,
            IsRetired(element));
    }

    private static bool IsRetired(XElement element) => (string?)element.Attribute("retired") == "true";

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute)
        ?? throw new InvalidDataException($"{FileName}: a <{element.Name}> element has no {attribute} attribute: {element}");
}
