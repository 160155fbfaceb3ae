using System.Globalization;
using Node.Dicom.Uids;

namespace Node.Host.Ingest;

/// <summary>Explains why a UID that names a folder or file is not valid, in the words of PS3.5 9.1.</summary>
internal static class UidRules
{
    /// <summary>The longest UID PS3.5 allows, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Returns why <paramref name="uid"/> may not name a path, or null where it is a valid UID by
    /// PS3.5 9.1: digits and dots, 1 to 64 characters, no empty component, no leading zero in a
    /// component. The Part 10 and report writers check UIDs so, so an instance they would not take
    /// is rejected when it arrives.
    /// </summary>
    public static string? Problem(string? uid)
    {
        if (uid is null || uid.Length == 0)
        {
            return "missing";
        }

        if (DicomUid.IsValid(uid))
        {
            return null;
        }

        if (uid.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{uid.Length} chars, over {MaxLength}");
        }

        if (!uid.All(c => c is '.' or (>= '0' and <= '9')))
        {
            return "not digits and dots";
        }

        return uid.Split('.').Any(component => component.Length > 1 && component[0] == '0') ? "has a component with a leading zero" : "empty component";
    }
}
