using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Dictionary;

/// <summary>
/// The data dictionary of PS3.6 with the command elements of PS3.7: finds the keyword, name, value
/// representations and value multiplicity of a tag. The tables are built once, on first use, and
/// are read-only and thread-safe after that.
/// </summary>
/// <remarks>
/// A tag is looked up in this order, and the first match wins. First comes the tag's exact entry,
/// then a group length (gggg,0000) as UL, then a repeating tag such as (60xx,3000) in an even
/// group, and last a private creator (odd group above 0007, element 0010-00FF) as LO. Group length
/// comes before the repeating tags because (1000,xxx0) and (1010,xxxx) would otherwise claim
/// (1000,0000) and (1010,0000), and PS3.5 7.2 makes element 0000 of every group its Group Length.
/// </remarks>
public static partial class DicomDictionary
{
    private const uint GroupLengthMask = 0x0000FFFF;

    private const uint PrivateCreatorMask = 0x0001FF00;

    /// <summary>
    /// The entry for a group length (gggg,0000) of a group without an entry of its own, UL as
    /// PS3.5 7.2 fixes for every group.
    /// </summary>
    public static DicomDictionaryEntry GroupLength { get; } = new(
        new DicomTag(0x0000, 0x0000),
        GroupLengthMask,
        "GenericGroupLength",
        "Generic Group Length",
        [DicomVR.UL],
        "1",
        isRetired: false);

    /// <summary>
    /// The entry for a private creator (gggg,00ee), odd gggg above 0007 and ee from 10 to FF, LO
    /// as PS3.5 7.8.1 fixes. Its tag is the lowest private creator tag, (0009,0010).
    /// </summary>
    public static DicomDictionaryEntry PrivateCreator { get; } = new(
        new DicomTag(0x0009, 0x0010),
        PrivateCreatorMask,
        "PrivateCreator",
        "Private Creator",
        [DicomVR.LO],
        "1",
        isRetired: false);

    /// <summary>
    /// The entries of the standard, ordered by tag, repeating tags included. The generic
    /// <see cref="GroupLength"/> and <see cref="PrivateCreator"/> entries are not among them.
    /// </summary>
    public static IReadOnlyCollection<DicomDictionaryEntry> Entries => Tables.Entries;

    /// <summary>Finds the entry that applies to <paramref name="tag"/>, in the order the class remarks give.</summary>
    /// <returns>False for private data elements and for tags the dictionary does not list.</returns>
    public static bool TryFind(DicomTag tag, [MaybeNullWhen(false)] out DicomDictionaryEntry entry)
    {
        if (Tables.ByTag.TryGetValue(tag.Value, out entry))
        {
            return true;
        }

        return TryFindByRule(tag, out entry);
    }

    /// <summary>Finds the entry that applies to <paramref name="tag"/>, or null where <see cref="TryFind"/> finds none.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag) => TryFind(tag, out var entry) ? entry : null;

    /// <summary>Finds the entry with the PS3.6 keyword, for example "PatientName". The match is case-sensitive.</summary>
    public static bool TryFindByKeyword(string keyword, [MaybeNullWhen(false)] out DicomDictionaryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return KeywordTable.ByKeyword.TryGetValue(keyword, out entry);
    }

    /// <summary>
    /// Returns the VR a reader applies to <paramref name="tag"/> in Implicit VR Little Endian, as
    /// <see cref="DicomDictionaryEntry.ImplicitVR"/> defines it. Returns UN for private data
    /// elements and for tags the dictionary does not list. Allocates nothing.
    /// </summary>
    public static DicomVR GetImplicitVR(DicomTag tag) => TryFind(tag, out var entry) ? entry.ImplicitVR : DicomVR.UN;

    private static bool TryFindByRule(DicomTag tag, [MaybeNullWhen(false)] out DicomDictionaryEntry entry)
    {
        if (tag.IsGroupLength)
        {
            entry = GroupLength;
            return true;
        }

        // Repeating groups of the standard are even; an odd group is private.
        if (!tag.IsPrivate && TryFindRepeating(tag, out entry))
        {
            return true;
        }

        entry = tag.IsPrivateCreator ? PrivateCreator : null;
        return entry is not null;
    }

    private static bool TryFindRepeating(DicomTag tag, [MaybeNullWhen(false)] out DicomDictionaryEntry entry)
    {
        foreach (var (mask, byMaskedTag) in Tables.RepeatingByMask)
        {
            if (byMaskedTag.TryGetValue(tag.Value & mask, out entry))
            {
                return true;
            }
        }

        entry = null;
        return false;
    }

    /// <summary>Lookup tables, built by the runtime's type initializer on first use.</summary>
    private static class Tables
    {
        /// <summary>Every standard entry, ordered by tag value and then by mask, read-only so callers cannot change it.</summary>
        internal static readonly ReadOnlyCollection<DicomDictionaryEntry> Entries = Array.AsReadOnly(DicomDictionaryTable.Parse(EntryTable));

        /// <summary>Entries for exactly one tag, by tag value.</summary>
        internal static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag = Entries
            .Where(entry => !entry.IsRepeating)
            .ToFrozenDictionary(entry => entry.Tag.Value);

        /// <summary>
        /// Repeating entries grouped by mask, masks with more fixed bits first, each group by its tag
        /// value. A tag matches an entry when the tag's value, masked, equals the entry's tag value.
        /// </summary>
        internal static readonly (uint Mask, FrozenDictionary<uint, DicomDictionaryEntry> ByMaskedTag)[] RepeatingByMask = Entries
            .Where(entry => entry.IsRepeating)
            .GroupBy(entry => entry.Mask)
            .OrderByDescending(group => BitOperations.PopCount(group.Key))
            .ThenBy(group => group.Key)
            .Select(group => (group.Key, group.ToFrozenDictionary(entry => entry.Tag.Value)))
            .ToArray();
    }

    /// <summary>The keyword index, built on the first keyword lookup only, because readers never need it.</summary>
    private static class KeywordTable
    {
        /// <summary>Every standard entry by keyword.</summary>
        internal static readonly Dictionary<string, DicomDictionaryEntry> ByKeyword = Tables.Entries
            .ToDictionary(entry => entry.Keyword, StringComparer.Ordinal);
    }
}
