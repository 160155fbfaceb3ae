using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tests.Support;

namespace Node.Dicom.Tests.IO;

[TestFixture]
public sealed class PydicomSampleReadTests
{
    /// <summary>pydicom samples that are broken on purpose; DCMTK's dcmdump rejects each of them too.</summary>
    public static readonly IReadOnlyDictionary<string, string> BrokenSamples = new Dictionary<string, string>
    {
        ["MR_truncated.dcm"] = "pixel data cut short",
        ["rtplan_truncated.dcm"] = "a sequence cut short",
        ["SC_rgb_jpeg.dcm"] = "the meta information says Explicit VR but the data set is Implicit VR",
        ["no_meta.dcm"] = "a stray byte before the first element",
    };

    public static IEnumerable<TestCaseData> Samples() =>
        SampleNames().Select(name => new TestCaseData(name).SetName($"Sample_reads_{name}"));

    [TestCaseSource(nameof(Samples))]
    public void Sample_reads_or_fails_as_DCMTK_does(string name)
    {
        var path = Path.Combine(Peers.RequirePath(Peers.PydicomTestFiles, "python3-pydicom"), name);

        if (BrokenSamples.ContainsKey(name))
        {
            Assert.That(() => DicomFile.Open(path), Throws.InstanceOf<DicomFormatException>().With.Message.Contains("offset"));
            return;
        }

        var file = DicomFile.Open(path);
        Assert.That(file.Dataset.Count, Is.GreaterThan(0));
    }

    [Test]
    public void Known_broken_samples_are_present()
    {
        var names = Peers.PydicomSamples().Select(Path.GetFileName).ToHashSet();

        Assert.That(BrokenSamples.Keys, Is.SubsetOf(names));
    }

    private static IEnumerable<string> SampleNames()
    {
        if (!Directory.Exists(Peers.PydicomTestFiles))
        {
            return ["(pydicom samples missing)"];
        }

        return Directory.GetFiles(Peers.PydicomTestFiles, "*.dcm").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
    }
}
