using System.Globalization;
using Node.Dicom.Network.Pdus;

namespace Node.Host.Ingest;

/// <summary>Explains why a UID that names a folder or file is not valid, in the words of PS3.5 9.1.</summary>
internal static class UidRules
{
    /// <summary>The longest UID PS3.5 allows, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>Returns why <paramref name="uid"/> may not name a path, or null where it is a valid UID (digits and dots, 1 to 64 characters, no empty component).</summary>
    public static string? Problem(string? uid)
    {
        if (uid is null || uid.Length == 0)
        {
            return "missing";
        }

        if (PduText.IsValidUid(uid))
        {
            return null;
        }

        if (uid.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{uid.Length} chars, over {MaxLength}");
        }

        return uid.All(c => c is '.' or (>= '0' and <= '9')) ? "empty component" : "not digits and dots";
    }
}
