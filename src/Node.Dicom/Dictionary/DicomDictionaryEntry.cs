using System.Text;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Dictionary;

/// <summary>
/// One row of the data dictionary (PS3.6 Table 6-1, PS3.7 Annex E): a tag or a repeating tag
/// pattern with its keyword, name, value representations and value multiplicity.
/// </summary>
public sealed class DicomDictionaryEntry
{
    /// <summary>The <see cref="Mask"/> of an entry that applies to exactly one tag.</summary>
    public const uint ExactMask = 0xFFFFFFFF;

    private const int HexDigitsInTag = 8;

    private const uint NibbleMask = 0xF;

    public DicomDictionaryEntry(
        DicomTag tag,
        uint mask,
        string keyword,
        string name,
        IReadOnlyList<DicomVR> valueRepresentations,
        string valueMultiplicity,
        bool isRetired)
    {
        Tag = tag;
        Mask = mask;
        Keyword = keyword;
        Name = name;
        ValueRepresentations = valueRepresentations;
        ValueMultiplicity = valueMultiplicity;
        IsRetired = isRetired;
        ImplicitVR = ChooseImplicitVR(valueRepresentations);
    }

    /// <summary>
    /// The tag, or for a repeating tag the lowest tag it covers, for example (6000,3000) for
    /// Overlay Data (60xx,3000).
    /// </summary>
    public DicomTag Tag { get; }

    /// <summary>
    /// Bits of a tag that must equal those of <see cref="Tag"/> for this entry to apply:
    /// <see cref="ExactMask"/> for a single tag, and zero bits for each "x" digit of a repeating
    /// tag, for example 0xFF00FFFF for (60xx,3000). Repeating groups cover even groups only, because
    /// odd groups are private. The generic private creator entry has the mask 0x0001FF00, which
    /// covers more tags than the rule the dictionary applies to it (odd group above 0007, element
    /// 0010-00FF).
    /// </summary>
    public uint Mask { get; }

    /// <summary>True when the entry covers more than one tag, as (60xx,3000) or (0020,31xx) do.</summary>
    public bool IsRepeating => Mask != ExactMask;

    /// <summary>The keyword of PS3.6, a valid C# identifier, for example "PatientName".</summary>
    public string Keyword { get; }

    /// <summary>The name of PS3.6, for example "Patient's Name".</summary>
    public string Name { get; }

    /// <summary>
    /// Every value representation the standard allows, in the standard's order, for example OB
    /// and OW for Pixel Data. Empty for the item and delimitation tags (FFFE,E000), (FFFE,E00D)
    /// and (FFFE,E0DD), which never carry a VR.
    /// </summary>
    public IReadOnlyList<DicomVR> ValueRepresentations { get; }

    /// <summary>
    /// The VR a reader applies in Implicit VR Little Endian, where the data carries none. For a
    /// single VR it is that VR. Where the standard allows several, it is OW when OW and OB are both
    /// allowed (Pixel Data, Overlay Data), and otherwise the first one listed (US for "US or SS",
    /// "US or OW" and "US or SS or OW"). OW and US both read little-endian 16-bit words, so either keeps
    /// the bytes intact. UN for the item and delimitation tags, which readers handle before they
    /// ask for a VR.
    /// </summary>
    public DicomVR ImplicitVR { get; }

    /// <summary>The value multiplicity as PS3.6 writes it, for example "1", "1-n" or "2-2n".</summary>
    public string ValueMultiplicity { get; }

    /// <summary>True when the standard has retired the element, though old data may still carry it.</summary>
    public bool IsRetired { get; }

    /// <summary>Formats as "(gggg,eeee) Keyword", with "x" for each digit a repeating tag leaves open.</summary>
    public override string ToString() => $"{FormatTagPattern()} {Keyword}";

    private static DicomVR ChooseImplicitVR(IReadOnlyList<DicomVR> valueRepresentations)
    {
        if (valueRepresentations.Count == 0)
        {
            return DicomVR.UN;
        }

        if (valueRepresentations.Contains(DicomVR.OW) && valueRepresentations.Contains(DicomVR.OB))
        {
            return DicomVR.OW;
        }

        return valueRepresentations[0];
    }

    private string FormatTagPattern()
    {
        var text = new StringBuilder("(", HexDigitsInTag + 3);
        for (var digit = HexDigitsInTag - 1; digit >= 0; digit--)
        {
            var shift = digit * 4;
            var isFixed = ((Mask >> shift) & NibbleMask) == NibbleMask;
            text.Append(isFixed ? "0123456789ABCDEF"[(int)((Tag.Value >> shift) & NibbleMask)] : 'x');
            if (digit == HexDigitsInTag / 2)
            {
                text.Append(',');
            }
        }

        return text.Append(')').ToString();
    }
}
