using System.Text.RegularExpressions;
using Node.Dicom.Dictionary;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using NUnit.Framework;

namespace Node.Dicom.Tests.Dictionary;

/// <summary>
/// Lookups in the data dictionary. The expected keywords, VRs and VMs are those of PS3.6 and PS3.7
/// Annex E.
/// </summary>
[TestFixture]
public sealed partial class DicomDictionaryTests
{
    [Test]
    public void Find_returns_patient_name_as_PN()
    {
        var entry = Find(0x0010, 0x0010);

        Assert.That(entry.Keyword, Is.EqualTo("PatientName"));
        Assert.That(entry.Name, Is.EqualTo("Patient's Name"));
        Assert.That(entry.ValueRepresentations, Is.EqualTo(new[] { DicomVR.PN }));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.PN));
        Assert.That(entry.ValueMultiplicity, Is.EqualTo("1"));
        Assert.That(entry.IsRetired, Is.False);
        Assert.That(entry.IsRepeating, Is.False);
    }

    [Test]
    [Description("Pixel Data allows OB or OW; Implicit VR Little Endian reads it as OW (PS3.5 A.1).")]
    public void Find_returns_pixel_data_as_OB_or_OW_read_as_OW()
    {
        var entry = Find(0x7FE0, 0x0010);

        Assert.That(entry.Keyword, Is.EqualTo("PixelData"));
        Assert.That(entry.ValueRepresentations, Is.EqualTo(new[] { DicomVR.OB, DicomVR.OW }));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.OW));
        Assert.That(DicomDictionary.GetImplicitVR(new DicomTag(0x7FE0, 0x0010)), Is.SameAs(DicomVR.OW));
    }

    [TestCase((ushort)0x0008, (ushort)0x0005, "SpecificCharacterSet", "CS", "1-n")]
    [TestCase((ushort)0x0002, (ushort)0x0010, "TransferSyntaxUID", "UI", "1")]
    [TestCase((ushort)0x0000, (ushort)0x0100, "CommandField", "US", "1")]
    [TestCase((ushort)0x0000, (ushort)0x0000, "CommandGroupLength", "UL", "1")]
    [TestCase((ushort)0x0002, (ushort)0x0000, "FileMetaInformationGroupLength", "UL", "1")]
    [TestCase((ushort)0x0008, (ushort)0x0018, "SOPInstanceUID", "UI", "1")]
    [TestCase((ushort)0x0040, (ushort)0xA730, "ContentSequence", "SQ", "1")]
    [TestCase((ushort)0x0010, (ushort)0x2162, "EthnicGroups", "UC", "1-n")]
    public void Find_returns_standard_keyword_VR_and_VM(ushort group, ushort element, string keyword, string vr, string valueMultiplicity)
    {
        var entry = Find(group, element);

        Assert.That(entry.Keyword, Is.EqualTo(keyword));
        Assert.That(entry.ImplicitVR.Code, Is.EqualTo(vr));
        Assert.That(entry.ValueMultiplicity, Is.EqualTo(valueMultiplicity));
    }

    [TestCase((ushort)0x0028, (ushort)0x0106, "US", Description = "Smallest Image Pixel Value, US or SS")]
    [TestCase((ushort)0x0028, (ushort)0x3006, "US", Description = "LUT Data, US or OW")]
    [TestCase((ushort)0x0028, (ushort)0x1200, "US", Description = "Gray Lookup Table Data, US or SS or OW (retired)")]
    [TestCase((ushort)0x5400, (ushort)0x1010, "OW", Description = "Waveform Data, OB or OW")]
    public void ImplicitVR_follows_rule_for_several_VRs(ushort group, ushort element, string expected)
    {
        Assert.That(DicomDictionary.GetImplicitVR(new DicomTag(group, element)).Code, Is.EqualTo(expected));
    }

    [Test]
    public void Find_marks_retired_elements()
    {
        Assert.That(Find(0x0010, 0x2160).IsRetired, Is.True, "Ethnic Group (0010,2160)");
        Assert.That(Find(0x0000, 0x0001).IsRetired, Is.True, "Command Length to End (0000,0001)");
        Assert.That(Find(0x0010, 0x0020).IsRetired, Is.False, "Patient ID (0010,0020)");
    }

    [TestCase((ushort)0x6000)]
    [TestCase((ushort)0x6002)]
    [TestCase((ushort)0x601E)]
    public void Find_returns_overlay_data_in_even_overlay_groups(ushort group)
    {
        var entry = Find(group, 0x3000);

        Assert.That(entry.Keyword, Is.EqualTo("OverlayData"));
        Assert.That(entry.IsRepeating, Is.True);
        Assert.That(entry.Tag, Is.EqualTo(new DicomTag(0x6000, 0x3000)));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.OW));
    }

    [Test]
    public void Find_returns_overlay_rows_as_US()
    {
        var entry = Find(0x6004, 0x0010);

        Assert.That(entry.Keyword, Is.EqualTo("OverlayRows"));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.US));
    }

    [Test]
    [Description("An odd group is private, so (6001,3000) is a private data element, not Overlay Data.")]
    public void Find_skips_repeating_tags_in_odd_groups()
    {
        Assert.That(DicomDictionary.TryFind(new DicomTag(0x6001, 0x3000), out _), Is.False);
        Assert.That(DicomDictionary.GetImplicitVR(new DicomTag(0x6001, 0x3000)), Is.SameAs(DicomVR.UN));
    }

    [TestCase((ushort)0x3100)]
    [TestCase((ushort)0x3155)]
    [TestCase((ushort)0x31FF)]
    public void Find_returns_source_image_ids_in_element_range(ushort element)
    {
        var entry = Find(0x0020, element);

        Assert.That(entry.Keyword, Is.EqualTo("SourceImageIDs"));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.CS));
        Assert.That(entry.IsRetired, Is.True);
    }

    [Test]
    public void Find_returns_variable_pixel_data()
    {
        var entry = Find(0x7F20, 0x0010);

        Assert.That(entry.Keyword, Is.EqualTo("VariablePixelData"));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.OW));
    }

    [Test]
    [Description("(0028,04x0) fixes the last digit of the element and leaves the third open.")]
    public void Find_returns_nth_order_coefficients_in_masked_elements()
    {
        Assert.That(Find(0x0028, 0x0410).Keyword, Is.EqualTo("RowsForNthOrderCoefficients"));
        Assert.That(Find(0x0028, 0x04F0).Keyword, Is.EqualTo("RowsForNthOrderCoefficients"));
        Assert.That(Find(0x0028, 0x04F1).Keyword, Is.EqualTo("ColumnsForNthOrderCoefficients"));
        Assert.That(Find(0x0028, 0x0400).Keyword, Is.EqualTo("TransformLabel"), "an exact entry wins over a repeating one");
    }

    [TestCase((ushort)0x0008)]
    [TestCase((ushort)0x0009)]
    [TestCase((ushort)0x7FE0)]
    public void Find_returns_group_length_as_UL(ushort group)
    {
        var entry = Find(group, 0x0000);

        Assert.That(entry, Is.SameAs(DicomDictionary.GroupLength));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.UL));
    }

    [Test]
    [Description("(1000,xxx0) and (1010,xxxx) must not claim the group length of their group (PS3.5 7.2).")]
    public void Find_prefers_group_length_over_repeating_tags()
    {
        Assert.That(Find(0x1000, 0x0000), Is.SameAs(DicomDictionary.GroupLength));
        Assert.That(Find(0x1010, 0x0000), Is.SameAs(DicomDictionary.GroupLength));
        Assert.That(Find(0x1000, 0x0010).Keyword, Is.EqualTo("EscapeTriplet"));
        Assert.That(Find(0x1010, 0x0004).Keyword, Is.EqualTo("ZonalMap"));
    }

    [TestCase((ushort)0x0009, (ushort)0x0010)]
    [TestCase((ushort)0x0029, (ushort)0x0011)]
    [TestCase((ushort)0xFFFD, (ushort)0x00FF)]
    public void Find_returns_private_creator_as_LO(ushort group, ushort element)
    {
        var entry = Find(group, element);

        Assert.That(entry, Is.SameAs(DicomDictionary.PrivateCreator));
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.LO));
    }

    [TestCase((ushort)0x0009, (ushort)0x1010, Description = "private data element of block 10")]
    [TestCase((ushort)0x0029, (ushort)0x0100, Description = "element above the private creator range")]
    [TestCase((ushort)0x0009, (ushort)0x0005, Description = "element below the private creator range")]
    [TestCase((ushort)0x0003, (ushort)0x0010, Description = "odd group 0003, which is not private but forbidden")]
    [TestCase((ushort)0x0008, (ushort)0x0002, Description = "public tag that PS3.6 does not assign")]
    public void Find_returns_nothing_for_unknown_tag(ushort group, ushort element)
    {
        var tag = new DicomTag(group, element);

        Assert.That(DicomDictionary.TryFind(tag, out _), Is.False);
        Assert.That(DicomDictionary.Find(tag), Is.Null);
        Assert.That(DicomDictionary.GetImplicitVR(tag), Is.SameAs(DicomVR.UN));
    }

    [TestCase((ushort)0xE000, "Item")]
    [TestCase((ushort)0xE00D, "ItemDelimitationItem")]
    [TestCase((ushort)0xE0DD, "SequenceDelimitationItem")]
    public void Find_returns_item_tags_without_VR(ushort element, string keyword)
    {
        var entry = Find(0xFFFE, element);

        Assert.That(entry.Keyword, Is.EqualTo(keyword));
        Assert.That(entry.ValueRepresentations, Is.Empty);
        Assert.That(entry.ImplicitVR, Is.SameAs(DicomVR.UN));
    }

    [Test]
    public void FindByKeyword_returns_exact_entry()
    {
        Assert.That(DicomDictionary.TryFindByKeyword("PatientName", out var entry), Is.True);
        Assert.That(entry!.Tag, Is.EqualTo(new DicomTag(0x0010, 0x0010)));
    }

    [Test]
    public void FindByKeyword_returns_repeating_entry()
    {
        Assert.That(DicomDictionary.TryFindByKeyword("OverlayData", out var entry), Is.True);
        Assert.That(entry!.Tag, Is.EqualTo(new DicomTag(0x6000, 0x3000)));
        Assert.That(entry.Mask, Is.EqualTo(0xFF00FFFFu));
    }

    [TestCase("NoSuchKeyword")]
    [TestCase("patientname")]
    [TestCase("")]
    public void FindByKeyword_returns_false_for_unknown_keyword(string keyword)
    {
        Assert.That(DicomDictionary.TryFindByKeyword(keyword, out _), Is.False);
    }

    [Test]
    public void ToString_writes_x_for_open_digits()
    {
        Assert.That(Find(0x6002, 0x3000).ToString(), Is.EqualTo("(60xx,3000) OverlayData"));
        Assert.That(Find(0x0010, 0x0010).ToString(), Is.EqualTo("(0010,0010) PatientName"));
    }

    [Test]
    public void Entries_hold_more_than_4000_tags()
    {
        Assert.That(DicomDictionary.Entries, Has.Count.GreaterThan(4000));
    }

    [Test]
    public void Entries_have_unique_keywords()
    {
        var duplicates = DicomDictionary.Entries
            .GroupBy(entry => entry.Keyword, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key);

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Entries_have_unique_tag_patterns()
    {
        var duplicates = DicomDictionary.Entries
            .GroupBy(entry => (entry.Tag.Value, entry.Mask))
            .Where(group => group.Count() > 1)
            .Select(group => group.First().ToString());

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Entries_have_keywords_that_are_identifiers()
    {
        var invalid = DicomDictionary.Entries.Select(entry => entry.Keyword).Where(keyword => !Identifier().IsMatch(keyword));

        Assert.That(invalid, Is.Empty);
    }

    [Test]
    public void Entries_have_VRs_that_parse()
    {
        var unparsed = DicomDictionary.Entries
            .SelectMany(entry => entry.ValueRepresentations, (entry, vr) => (entry, vr))
            .Where(pair => !DicomVR.TryParse(pair.vr.Code, out var parsed) || !ReferenceEquals(parsed, pair.vr))
            .Select(pair => pair.entry.ToString());

        Assert.That(unparsed, Is.Empty);
    }

    [Test]
    [Description("Only the three item and delimitation tags of group FFFE carry no VR.")]
    public void Entries_have_VR_except_item_tags()
    {
        var withoutVR = DicomDictionary.Entries.Where(entry => entry.ValueRepresentations.Count == 0).Select(entry => entry.Tag.Group);

        Assert.That(withoutVR, Has.Exactly(3).Items);
        Assert.That(withoutVR, Is.All.EqualTo((ushort)0xFFFE));
    }

    [Test]
    public void Entries_have_implicit_VR_among_allowed()
    {
        var outside = DicomDictionary.Entries
            .Where(entry => entry.ValueRepresentations.Count > 0 && !entry.ValueRepresentations.Contains(entry.ImplicitVR))
            .Select(entry => entry.ToString());

        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Entries_are_ordered_by_tag()
    {
        var values = DicomDictionary.Entries.Select(entry => entry.Tag.Value).ToList();

        Assert.That(values, Is.Ordered);
    }

    [Test]
    [Description("The tables are shared by every caller, so no caller may change them through a cast.")]
    public void Entries_are_read_only()
    {
        var entries = (IList<DicomDictionaryEntry>)DicomDictionary.Entries;
        var pixelDataVRs = (IList<DicomVR>)Find(0x7FE0, 0x0010).ValueRepresentations;

        Assert.That(() => entries[0] = entries[1], Throws.InstanceOf<NotSupportedException>());
        Assert.That(() => pixelDataVRs[0] = DicomVR.UN, Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    [Description("Every exact entry is found by its own tag, so no repeating entry hides it.")]
    public void Find_returns_each_exact_entry_for_its_tag()
    {
        var lost = DicomDictionary.Entries
            .Where(entry => !entry.IsRepeating && !ReferenceEquals(DicomDictionary.Find(entry.Tag), entry))
            .Select(entry => entry.ToString());

        Assert.That(lost, Is.Empty);
    }

    private static DicomDictionaryEntry Find(ushort group, ushort element)
    {
        var found = DicomDictionary.TryFind(new DicomTag(group, element), out var entry);
        Assert.That(found, Is.True, $"({group:X4},{element:X4}) not found");
        return entry!;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
