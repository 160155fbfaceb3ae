using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Node.Dicom.Uids;

/// <summary>
/// The UID registry of PS3.6 Table A-1 (transfer syntaxes, SOP classes, coding schemes, context
/// groups and others). The tables are built once, on first use, and are read-only after that.
/// </summary>
public static partial class DicomUidRegistry
{
    /// <summary>Every registered UID, ordered by UID compared component by component as numbers.</summary>
    public static IReadOnlyList<DicomUidInfo> All => Tables.All;

    /// <summary>
    /// The storage SOP classes, which a C-STORE SCP may accept, in the order of <see cref="All"/>.
    /// The list contains every SOP class of the storage service class table of PS3.4 Annex B. It
    /// also contains every SOP class whose name ends with "Storage" once the endings "(Retired)",
    /// "- Trial", "SOP Class", "- For Presentation" and "- For Processing" are removed. Retired
    /// classes are included because old modalities still send them. Verification, Storage
    /// Commitment and the query/retrieve classes are not storage classes.
    /// </summary>
    public static IReadOnlyList<DicomUidInfo> StorageSopClasses => Tables.StorageSopClasses;

    /// <summary>
    /// Finds a registered UID. The text must match exactly, without NUL or space padding (see
    /// <see cref="DicomUid.Trim"/>).
    /// </summary>
    public static bool TryFind(string uid, [MaybeNullWhen(false)] out DicomUidInfo info)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return Tables.ByUid.TryGetValue(uid, out info);
    }

    /// <summary>Finds a registered UID, or returns null where <see cref="TryFind"/> finds none.</summary>
    public static DicomUidInfo? Find(string uid) => TryFind(uid, out var info) ? info : null;

    /// <summary>True when <paramref name="uid"/> is one of <see cref="StorageSopClasses"/>. The text must match exactly.</summary>
    public static bool IsStorageSopClass(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return Tables.StorageSopClassUids.Contains(uid);
    }

    /// <summary>Lookup tables, built by the runtime's type initializer on first use.</summary>
    private static class Tables
    {
        /// <summary>The parsed table: every UID, and the UID texts of the storage SOP classes.</summary>
        private static readonly (DicomUidInfo[] All, string[] StorageSopClassUids) Parsed = DicomUidTable.Parse(UidTable);

        /// <summary>Every registered UID, in table order, read-only so callers cannot change it.</summary>
        internal static readonly ReadOnlyCollection<DicomUidInfo> All = Array.AsReadOnly(Parsed.All);

        /// <summary>Every registered UID by its text.</summary>
        internal static readonly FrozenDictionary<string, DicomUidInfo> ByUid = All
            .ToFrozenDictionary(info => info.Uid, StringComparer.Ordinal);

        /// <summary>The UID texts of the storage SOP classes.</summary>
        internal static readonly FrozenSet<string> StorageSopClassUids = Parsed.StorageSopClassUids
            .ToFrozenSet(StringComparer.Ordinal);

        /// <summary>The storage SOP classes, in the order of <see cref="All"/>, read-only.</summary>
        internal static readonly ReadOnlyCollection<DicomUidInfo> StorageSopClasses = All
            .Where(info => StorageSopClassUids.Contains(info.Uid))
            .ToList()
            .AsReadOnly();
    }
}
