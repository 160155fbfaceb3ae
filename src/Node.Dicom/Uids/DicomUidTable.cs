namespace Node.Dicom.Uids;

/// <summary>
/// Parses the generated UID table of <see cref="DicomUidRegistry"/>: one line per UID,
/// "UID|keyword|name|type|flags", where type is a <see cref="DicomUidType"/> member and the flags
/// "retired" and "storage" are separated by a space. Text loads faster than 1,800 constructor
/// calls in one method, which the JIT compiles slowly on first use.
/// </summary>
internal static class DicomUidTable
{
    private const char FieldSeparator = '|';

    private const char FlagSeparator = ' ';

    private const string RetiredFlag = "retired";

    private const string StorageFlag = "storage";

    private const int FieldCount = 5;

    /// <returns>Every UID in table order, and the UIDs flagged as storage SOP classes.</returns>
    /// <exception cref="InvalidOperationException">A line breaks the table format, which means the generator has a bug.</exception>
    public static (DicomUidInfo[] All, string[] StorageSopClassUids) Parse(string table)
    {
        var all = new List<DicomUidInfo>();
        var storage = new List<string>();
        Span<Range> fields = stackalloc Range[FieldCount + 1];
        var lineNumber = 0;
        foreach (var line in table.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.Split(fields, FieldSeparator) != FieldCount)
            {
                throw Malformed(lineNumber, $"expected {FieldCount} fields separated by '{FieldSeparator}'");
            }

            if (!Enum.TryParse<DicomUidType>(line[fields[3]], out var type))
            {
                throw Malformed(lineNumber, $"unknown UID type '{line[fields[3]]}'");
            }

            var flags = line[fields[4]];
            var info = new DicomUidInfo(line[fields[0]].ToString(), line[fields[1]].ToString(), line[fields[2]].ToString(), type, HasFlag(flags, RetiredFlag));
            all.Add(info);
            if (HasFlag(flags, StorageFlag))
            {
                storage.Add(info.Uid);
            }
        }

        return ([.. all], [.. storage]);
    }

    private static bool HasFlag(ReadOnlySpan<char> flags, string flag)
    {
        foreach (var range in flags.Split(FlagSeparator))
        {
            if (flags[range].SequenceEqual(flag))
            {
                return true;
            }
        }

        return false;
    }

    private static InvalidOperationException Malformed(int lineNumber, string reason) =>
        new($"The generated UID table is malformed at line {lineNumber}: {reason}. Regenerate it with tools/Node.Dicom.Generator.");
}
