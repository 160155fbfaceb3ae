using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.IO;

/// <summary>The comparer the round-trip tests rely on must report what it is meant to report.</summary>
[TestFixture]
public sealed class DatasetComparerTests
{
    private static readonly DicomTag PatientId = new(0x0010, 0x0020);
    private static readonly DicomTag ReferencedImageSequence = new(0x0008, 0x1140);
    private static readonly DicomTag ReferencedSopInstance = new(0x0008, 0x1155);

    [Test]
    public void Comparer_finds_nothing_when_equal()
    {
        Assert.That(DatasetComparer.FindFirstDifference(Sample("1.2.3"), Sample("1.2.3")), Is.Null);
    }

    [Test]
    public void Comparer_names_nested_path_when_value_differs()
    {
        var difference = DatasetComparer.FindFirstDifference(Sample("1.2.3"), Sample("1.2.4"));

        Assert.That(difference, Does.StartWith("(0008,1140)[0]/(0008,1155): value differs at byte 4"));
    }

    [Test]
    public void Comparer_accepts_padding_when_original_odd()
    {
        var odd = Single(new DicomValueElement(PatientId, DicomVR.LO, "ABC"u8.ToArray()));
        var padded = Single(new DicomValueElement(PatientId, DicomVR.LO, "ABC "u8.ToArray()));

        Assert.That(DatasetComparer.FindFirstDifference(odd, padded), Is.Null);
    }

    [Test]
    public void Comparer_reports_length_when_padding_extra()
    {
        var even = Single(new DicomValueElement(PatientId, DicomVR.LO, "AB"u8.ToArray()));
        var longer = Single(new DicomValueElement(PatientId, DicomVR.LO, "AB  "u8.ToArray()));

        Assert.That(DatasetComparer.FindFirstDifference(even, longer), Is.EqualTo("(0010,0020): value length 2 expected, 4 found"));
    }

    [Test]
    public void Comparer_skips_group_length_outside_meta()
    {
        var withLength = Sample("1.2.3");
        withLength.Set(new DicomValueElement(new DicomTag(0x0010, 0x0000), DicomVR.UL, new byte[4]));

        Assert.That(DatasetComparer.FindFirstDifference(withLength, Sample("1.2.3")), Is.Null);
    }

    [Test]
    public void Comparer_reports_missing_element_by_tag()
    {
        var fewer = Sample("1.2.3");
        fewer.Remove(PatientId);

        Assert.That(DatasetComparer.FindFirstDifference(Sample("1.2.3"), fewer), Is.EqualTo("(0010,0020): missing from the actual data set"));
    }

    [Test]
    public void Comparer_reports_vr_unless_implicit_allows()
    {
        var asLo = Single(new DicomValueElement(PatientId, DicomVR.LO, "AB"u8.ToArray()));
        var asUn = Single(new DicomValueElement(PatientId, DicomVR.UN, "AB"u8.ToArray()));

        Assert.That(DatasetComparer.FindFirstDifference(asLo, asUn), Is.EqualTo("(0010,0020): VR LO expected, UN found"));
        Assert.That(DatasetComparer.FindFirstDifference(asLo, asUn, VRMatch.ImplicitVR), Is.Null);
    }

    [Test]
    public void Comparer_reports_sequence_where_value_expected()
    {
        var asValue = Single(new DicomValueElement(ReferencedImageSequence, DicomVR.UN, new byte[2]));
        var asSequence = Single(new DicomSequence(ReferencedImageSequence));

        Assert.That(DatasetComparer.FindFirstDifference(asValue, asSequence, VRMatch.ImplicitVR), Is.EqualTo("(0008,1140): DicomValueElement expected, DicomSequence found"));
    }

    private static DicomDataset Sample(string referencedUid)
    {
        var item = new DicomDataset();
        item.SetString(ReferencedSopInstance, DicomVR.UI, referencedUid);
        var dataset = new DicomDataset();
        dataset.SetString(PatientId, DicomVR.LO, "P1");
        dataset.SetSequence(ReferencedImageSequence, item);
        return dataset;
    }

    private static DicomDataset Single(DicomElement element) => new([element]);
}
