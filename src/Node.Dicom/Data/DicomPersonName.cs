namespace Node.Dicom.Data;

/// <summary>
/// A person name (VR PN) with its three component groups of PS3.5 6.2.1: alphabetic,
/// ideographic and phonetic, separated by '=' on the wire.
/// </summary>
public sealed record DicomPersonName(DicomPersonNameGroup Alphabetic, DicomPersonNameGroup Ideographic, DicomPersonNameGroup Phonetic)
{
    public static readonly DicomPersonName Empty = new(DicomPersonNameGroup.Empty, DicomPersonNameGroup.Empty, DicomPersonNameGroup.Empty);

    public DicomPersonName(string familyName, string givenName = "", string middleName = "", string prefix = "", string suffix = "")
        : this(new DicomPersonNameGroup(familyName, givenName, middleName, prefix, suffix), DicomPersonNameGroup.Empty, DicomPersonNameGroup.Empty)
    {
    }

    /// <summary>
    /// Parses one decoded PN value. Missing groups and components are empty; extra '=' or '^'
    /// separators beyond the standard's three groups and five components are kept in the last one.
    /// </summary>
    public static DicomPersonName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var groups = value.Split('=', 3);
        return new DicomPersonName(
            DicomPersonNameGroup.Parse(groups[0]),
            groups.Length > 1 ? DicomPersonNameGroup.Parse(groups[1]) : DicomPersonNameGroup.Empty,
            groups.Length > 2 ? DicomPersonNameGroup.Parse(groups[2]) : DicomPersonNameGroup.Empty);
    }

    /// <summary>Formats the name as it is written in a PN value, without trailing empty groups.</summary>
    public override string ToString()
    {
        var text = $"{Alphabetic}={Ideographic}={Phonetic}";
        return text.TrimEnd('=');
    }
}
