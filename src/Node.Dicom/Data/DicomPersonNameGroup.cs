namespace Node.Dicom.Data;

/// <summary>
/// One component group of a person name: family name, given name, middle name, prefix and
/// suffix, separated by '^' on the wire.
/// </summary>
public sealed record DicomPersonNameGroup(string FamilyName, string GivenName, string MiddleName, string Prefix, string Suffix)
{
    public static readonly DicomPersonNameGroup Empty = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public bool IsEmpty => ToString().Length == 0;

    public static DicomPersonNameGroup Parse(string group)
    {
        var parts = group.Split('^', 5);
        string Part(int index) => index < parts.Length ? parts[index].Trim() : string.Empty;
        return new DicomPersonNameGroup(Part(0), Part(1), Part(2), Part(3), Part(4));
    }

    /// <summary>Formats the group as written in a PN value, without trailing empty components.</summary>
    public override string ToString() => $"{FamilyName}^{GivenName}^{MiddleName}^{Prefix}^{Suffix}".TrimEnd('^');
}
