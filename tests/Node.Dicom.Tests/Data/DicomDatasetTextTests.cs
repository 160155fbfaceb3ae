using System.Text;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Data;

[TestFixture]
public sealed class DicomDatasetTextTests
{
    private static readonly DicomTag PrivateText = new(0x0011, 0x1001);

    [Test]
    public void SetString_pads_odd_text_with_space()
    {
        var dataset = new DicomDataset();

        dataset.SetString(DicomTags.Modality, DicomVR.CS, "MRI");

        Assert.That(Bytes(dataset, DicomTags.Modality), Is.EqualTo("MRI "u8.ToArray()));
        Assert.That(dataset.GetString(DicomTags.Modality), Is.EqualTo("MRI"));
    }

    [Test]
    public void SetUid_pads_odd_uid_with_nul()
    {
        var dataset = new DicomDataset();

        dataset.SetUid(DicomTags.SOPClassUID, "1.2.3");

        Assert.That(Bytes(dataset, DicomTags.SOPClassUID), Is.EqualTo("1.2.3\0"u8.ToArray()));
        Assert.That(dataset.GetUid(DicomTags.SOPClassUID), Is.EqualTo("1.2.3"));
    }

    [Test]
    [Description("Trailing NUL or space in a UID is padding, not part of the UID.")]
    public void GetUid_removes_space_and_nul_padding()
    {
        var dataset = new DicomDataset();
        dataset.SetBytes(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.840.1 "u8.ToArray());
        dataset.SetBytes(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2.840.1\0"u8.ToArray());

        Assert.That(dataset.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo("1.2.840.1"));
        Assert.That(dataset.GetUid(DicomTags.SeriesInstanceUID), Is.EqualTo("1.2.840.1"));
    }

    [Test]
    public void GetStrings_splits_and_trims_values()
    {
        var dataset = new DicomDataset();
        dataset.SetBytes(DicomTags.ImageType, DicomVR.CS, " ORIGINAL\\PRIMARY \\AXIAL"u8.ToArray());

        Assert.That(dataset.GetStrings(DicomTags.ImageType), Is.EqualTo(new[] { "ORIGINAL", "PRIMARY", "AXIAL" }));
        Assert.That(dataset.GetString(DicomTags.ImageType, 2), Is.EqualTo("AXIAL"));
        Assert.That(dataset.GetString(DicomTags.ImageType, 3), Is.Null);
    }

    [Test]
    [Description("PS3.5 6.2: leading spaces are significant in LT, ST and UT, so only trailing ones are removed.")]
    public void GetString_keeps_leading_spaces_in_LT()
    {
        var dataset = new DicomDataset();
        dataset.SetBytes(DicomTags.ImageComments, DicomVR.LT, "  indented \\ text  "u8.ToArray());

        Assert.That(dataset.GetString(DicomTags.ImageComments), Is.EqualTo("  indented \\ text"));
        Assert.That(dataset.GetStrings(DicomTags.ImageComments), Has.Length.EqualTo(1));
    }

    [Test]
    public void SetString_rejects_backslash_inside_value()
    {
        var dataset = new DicomDataset();

        Assert.That(() => dataset.SetString(DicomTags.ImageType, DicomVR.CS, "A\\B"), Throws.ArgumentException.With.Message.Contains("A\\B"));
    }

    [Test]
    public void SetString_rejects_value_over_maximum_length()
    {
        var dataset = new DicomDataset();

        Assert.That(() => dataset.SetString(DicomTags.Modality, DicomVR.CS, new string('A', 17)), Throws.ArgumentException.With.Message.Contains("at most 16"));
    }

    [Test]
    public void SetString_rejects_non_ascii_code_string()
    {
        var dataset = new DicomDataset();

        Assert.That(() => dataset.SetString(DicomTags.Modality, DicomVR.CS, "КТ"), Throws.ArgumentException.With.Message.Contains("not ASCII"));
    }

    [Test]
    public void SetString_rejects_several_values_for_LT()
    {
        var dataset = new DicomDataset();

        Assert.That(() => dataset.SetString(DicomTags.ImageComments, DicomVR.LT, "a", "b"), Throws.ArgumentException.With.Message.Contains("holds one value"));
    }

    [Test]
    public void PersonName_round_trips_three_groups()
    {
        var dataset = new DicomDataset();
        var name = new DicomPersonName(
            new DicomPersonNameGroup("Yamada", "Tarou", string.Empty, string.Empty, string.Empty),
            new DicomPersonNameGroup("山田", "太郎", string.Empty, string.Empty, string.Empty),
            new DicomPersonNameGroup("やまだ", "たろう", string.Empty, string.Empty, string.Empty));

        dataset.SetPersonName(DicomTags.PatientName, name);

        Assert.That(dataset.GetString(DicomTags.PatientName), Is.EqualTo("Yamada^Tarou=山田^太郎=やまだ^たろう"));
        Assert.That(dataset.GetPersonName(DicomTags.PatientName), Is.EqualTo(name));
    }

    [TestCase("", "")]
    [TestCase("=", "")]
    [TestCase("^^^^", "")]
    [TestCase("Doe^John^^Dr.", "Doe")]
    public void PersonName_parses_degenerate_values(string text, string family)
    {
        var name = DicomPersonName.Parse(text);

        Assert.That(name.Alphabetic.FamilyName, Is.EqualTo(family));
    }

    [Test]
    public void PersonName_keeps_all_five_components()
    {
        var group = DicomPersonName.Parse("Doe^John^Q^Dr.^Jr.").Alphabetic;

        Assert.That(group, Is.EqualTo(new DicomPersonNameGroup("Doe", "John", "Q", "Dr.", "Jr.")));
        Assert.That(group.ToString(), Is.EqualTo("Doe^John^Q^Dr.^Jr."));
    }

    [Test]
    public void Dates_and_times_round_trip()
    {
        var dataset = new DicomDataset();
        dataset.SetDate(DicomTags.StudyDate, new DateOnly(2026, 12, 4));
        dataset.SetTime(DicomTags.StudyTime, new TimeOnly(9, 5, 7, 250));
        dataset.SetDateTime(DicomTags.AcquisitionDateTime, new DateTime(2026, 12, 4, 9, 5, 7), TimeSpan.FromHours(3));

        Assert.That(dataset.GetString(DicomTags.StudyDate), Is.EqualTo("20261204"));
        Assert.That(dataset.GetString(DicomTags.StudyTime), Is.EqualTo("090507.250000"));
        Assert.That(dataset.GetString(DicomTags.AcquisitionDateTime), Is.EqualTo("20261204090507+0300"));
        Assert.That(dataset.GetDate(DicomTags.StudyDate), Is.EqualTo(new DateOnly(2026, 12, 4)));
        Assert.That(dataset.GetTime(DicomTags.StudyTime), Is.EqualTo(new TimeOnly(9, 5, 7, 250)));
        Assert.That(dataset.GetDateTime(DicomTags.AcquisitionDateTime, out var offset), Is.EqualTo(new DateTime(2026, 12, 4, 9, 5, 7)));
        Assert.That(offset, Is.EqualTo(TimeSpan.FromHours(3)));
    }

    [TestCase("20040826", 2004, 8, 26)]
    [TestCase("2004.08.26", 2004, 8, 26)]
    public void Date_parses_current_and_ACR_NEMA_forms(string text, int year, int month, int day)
    {
        Assert.That(DicomDateTimeText.TryParseDate(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("07", 7, 0, 0)]
    [TestCase("0727", 7, 27, 0)]
    [TestCase("072731", 7, 27, 31)]
    [TestCase("07:27:31", 7, 27, 31)]
    [TestCase("235960", 23, 59, 59)]
    public void Time_parses_every_precision(string text, int hours, int minutes, int seconds)
    {
        Assert.That(DicomDateTimeText.TryParseTime(text, out var time), Is.True);
        Assert.That((time.Hour, time.Minute, time.Second), Is.EqualTo((hours, minutes, seconds)));
    }

    [TestCase("20041340")]
    [TestCase("2004082")]
    [TestCase("abcdefgh")]
    public void Date_rejects_invalid_text(string text)
    {
        Assert.That(DicomDateTimeText.TryParseDate(text, out _), Is.False);
    }

    [Test]
    public void GetDate_names_tag_of_invalid_value()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.StudyDate, DicomVR.DA, "2004-08");

        Assert.That(() => dataset.GetDate(DicomTags.StudyDate), Throws.TypeOf<DicomFormatException>().With.Message.Contains("(0008,0020)").And.Message.Contains("2004-08"));
    }

    [Test]
    public void DateTime_parses_partial_values_with_offset()
    {
        Assert.That(DicomDateTimeText.TryParseDateTime("2026", out var yearOnly, out var none), Is.True);
        Assert.That(yearOnly, Is.EqualTo(new DateTime(2026, 1, 1)));
        Assert.That(none, Is.Null);
        Assert.That(DicomDateTimeText.TryParseDateTime("20261204090507.5-0130", out var full, out var offset), Is.True);
        Assert.That(full, Is.EqualTo(new DateTime(2026, 12, 4, 9, 5, 7, 500)));
        Assert.That(offset, Is.EqualTo(new TimeSpan(-1, -30, 0)));
    }

    [Test]
    [Description("Writing uses UTF-8: adding Cyrillic text to a Latin-1 data set converts every text element and sets ISO_IR 192.")]
    public void Non_ascii_text_converts_dataset_to_utf8()
    {
        var dataset = new DicomDataset();
        dataset.SetBytes(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100"u8.ToArray());
        dataset.SetBytes(DicomTags.InstitutionName, DicomVR.LO, Encoding.Latin1.GetBytes("Hôpital"));

        dataset.SetString(DicomTags.PatientName, DicomVR.PN, "Иванов^Иван");

        Assert.That(dataset.GetString(DicomTags.SpecificCharacterSet), Is.EqualTo("ISO_IR 192"));
        Assert.That(Bytes(dataset, DicomTags.InstitutionName), Is.EqualTo(Encoding.UTF8.GetBytes("Hôpital")));
        Assert.That(dataset.GetString(DicomTags.InstitutionName), Is.EqualTo("Hôpital"));
        Assert.That(dataset.GetString(DicomTags.PatientName), Is.EqualTo("Иванов^Иван"));
    }

    [Test]
    public void Sequence_item_inherits_character_set()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        var item = new DicomDataset();
        item.SetBytes(DicomTags.PatientName, DicomVR.PN, Encoding.UTF8.GetBytes("Петров"));

        dataset.SetSequence(DicomTags.ReferencedPatientSequence, item);

        Assert.That(item.CharacterSet.IsUtf8, Is.True);
        Assert.That(item.GetString(DicomTags.PatientName), Is.EqualTo("Петров"));
    }

    [Test]
    public void Private_creator_reserves_first_free_block()
    {
        var dataset = new DicomDataset();
        dataset.SetString(new DicomTag(0x0011, 0x0010), DicomVR.LO, "OTHER VENDOR");

        var tag = dataset.ReservePrivateTag(0x0011, "AINODE", 0x01);
        dataset.SetString(tag, DicomVR.LO, "value");

        Assert.That(tag, Is.EqualTo(new DicomTag(0x0011, 0x1101)));
        Assert.That(dataset.GetString(new DicomTag(0x0011, 0x0011)), Is.EqualTo("AINODE"));
        Assert.That(dataset.FindPrivateTag(0x0011, "AINODE", 0x01), Is.EqualTo(tag));
        Assert.That(dataset.GetPrivateCreator(tag), Is.EqualTo("AINODE"));
        Assert.That(dataset.FindPrivateTag(0x0011, "MISSING", 0x01), Is.Null);
    }

    [Test]
    public void Private_reservation_rejects_even_group()
    {
        var dataset = new DicomDataset();

        Assert.That(() => dataset.ReservePrivateTag(0x0010, "AINODE", 1), Throws.ArgumentException.With.Message.Contains("0010"));
    }

    [Test]
    public void Private_creator_of_unreserved_block_is_null()
    {
        var dataset = new DicomDataset();

        Assert.That(dataset.GetPrivateCreator(PrivateText), Is.Null);
    }

    [Test]
    public void Clone_copies_items_deeply()
    {
        var dataset = new DicomDataset();
        var item = new DicomDataset();
        item.SetString(DicomTags.CodeValue, DicomVR.SH, "123");
        dataset.SetSequence(DicomTags.ConceptNameCodeSequence, item);

        var copy = dataset.Clone();
        copy.GetSequence(DicomTags.ConceptNameCodeSequence)!.Items[0].SetString(DicomTags.CodeValue, DicomVR.SH, "456");

        Assert.That(item.GetString(DicomTags.CodeValue), Is.EqualTo("123"));
    }

    private static byte[] Bytes(DicomDataset dataset, DicomTag tag) =>
        ((DicomValueElement)dataset.GetElement(tag)!).Value.ToArray();
}
