using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Vr;

[TestFixture]
public sealed class DicomVRTests
{
    [Test]
    public void VR_list_has_all_34_codes()
    {
        Assert.That(DicomVR.All.Select(vr => vr.Code), Is.Unique);
        Assert.That(DicomVR.All, Has.Count.EqualTo(34));
    }

    [Test]
    [Description("PS3.5 7.1.2: these VRs carry two reserved bytes and a 32-bit length in Explicit VR.")]
    public void VR_long_header_set_matches_standard()
    {
        var longForm = DicomVR.All.Where(vr => vr.HasLongExplicitLength).Select(vr => vr.Code).Order();

        Assert.That(longForm, Is.EqualTo(new[] { "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" }));
    }

    [Test]
    public void VR_pads_UI_with_nul_and_text_with_space()
    {
        Assert.That(DicomVR.UI.PaddingByte, Is.EqualTo(0));
        Assert.That(DicomVR.LO.PaddingByte, Is.EqualTo((byte)' '));
        Assert.That(DicomVR.OB.PaddingByte, Is.EqualTo(0));
    }

    [TestCase("PN", true)]
    [TestCase("LO", true)]
    [TestCase("CS", false)]
    [TestCase("UI", false)]
    public void VR_names_character_set_governed_text(string code, bool usesCharacterSet)
    {
        Assert.That(DicomVR.Parse(code).UsesCharacterSet, Is.EqualTo(usesCharacterSet));
    }

    [Test]
    public void VR_parse_rejects_unknown_code()
    {
        Assert.That(() => DicomVR.Parse("XX"), Throws.ArgumentException.With.Message.Contains("XX"));
    }
}
