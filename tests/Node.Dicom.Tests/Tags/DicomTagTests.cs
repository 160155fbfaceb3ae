using Node.Dicom.Tags;

namespace Node.Dicom.Tests.Tags;

[TestFixture]
public sealed class DicomTagTests
{
    [TestCase("(0010,0010)")]
    [TestCase("0010,0010")]
    [TestCase("00100010")]
    public void Tag_parses_every_written_form(string text)
    {
        Assert.That(DicomTag.Parse(text), Is.EqualTo(new DicomTag(0x0010, 0x0010)));
    }

    [TestCase("(0010,001)")]
    [TestCase("GGGG,0010")]
    [TestCase("")]
    public void Tag_rejects_malformed_text(string text)
    {
        Assert.That(() => DicomTag.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains(text));
    }

    [Test]
    public void Tag_formats_as_upper_case_hex()
    {
        Assert.That(new DicomTag(0x7FE0, 0x0010).ToString(), Is.EqualTo("(7FE0,0010)"));
    }

    [Test]
    public void Tags_order_by_group_then_element()
    {
        var tags = new[] { new DicomTag(0x0010, 0x0010), new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0001) };

        Assert.That(tags.Order().ToArray(), Is.EqualTo(new[] { tags[1], tags[2], tags[0] }));
    }

    [TestCase(0x0009, 0x0010, true, true)]
    [TestCase(0x0009, 0x1001, true, false)]
    [TestCase(0x0007, 0x0010, false, false)]
    [TestCase(0x0010, 0x0010, false, false)]
    public void Tag_classifies_private_elements(int group, int element, bool isPrivate, bool isCreator)
    {
        var tag = new DicomTag((ushort)group, (ushort)element);

        Assert.That(tag.IsPrivate, Is.EqualTo(isPrivate));
        Assert.That(tag.IsPrivateCreator, Is.EqualTo(isCreator));
    }
}
