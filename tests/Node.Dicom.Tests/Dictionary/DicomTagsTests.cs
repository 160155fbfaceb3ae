using System.Reflection;
using Node.Dicom.Dictionary;
using Node.Dicom.Tags;
using NUnit.Framework;

namespace Node.Dicom.Tests.Dictionary;

[TestFixture]
public sealed class DicomTagsTests
{
    [Test]
    public void DicomTags_hold_standard_tags()
    {
        Assert.That(DicomTags.PatientName, Is.EqualTo(new DicomTag(0x0010, 0x0010)));
        Assert.That(DicomTags.PixelData, Is.EqualTo(new DicomTag(0x7FE0, 0x0010)));
        Assert.That(DicomTags.SpecificCharacterSet, Is.EqualTo(new DicomTag(0x0008, 0x0005)));
        Assert.That(DicomTags.TransferSyntaxUID, Is.EqualTo(new DicomTag(0x0002, 0x0010)));
        Assert.That(DicomTags.AffectedSOPClassUID, Is.EqualTo(new DicomTag(0x0000, 0x0002)));
        Assert.That(DicomTags.Item, Is.EqualTo(DicomTag.Item));
    }

    [Test]
    [Description("Each member is named by the keyword that the dictionary gives its tag.")]
    public void DicomTags_match_dictionary_keywords()
    {
        var mismatches = TagMembers()
            .Where(member => DicomDictionary.Find(member.Tag)?.Keyword != member.Name)
            .Select(member => $"{member.Name} {member.Tag}");

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void DicomTags_cover_every_exact_entry()
    {
        var names = TagMembers().Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
        var missing = DicomDictionary.Entries
            .Where(entry => !entry.IsRepeating && !names.Contains(entry.Keyword))
            .Select(entry => entry.ToString());

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void DicomTags_leave_out_repeating_tags()
    {
        Assert.That(typeof(DicomTags).GetProperty("OverlayData"), Is.Null);
    }

    private static IEnumerable<(string Name, DicomTag Tag)> TagMembers() =>
        typeof(DicomTags)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(DicomTag))
            .Select(property => (property.Name, (DicomTag)property.GetValue(null)!));
}
