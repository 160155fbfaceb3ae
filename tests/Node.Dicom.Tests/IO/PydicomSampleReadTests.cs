using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tests.Support;

namespace Node.Dicom.Tests.IO;

[TestFixture]
public sealed class PydicomSampleReadTests
{
    [Test]
    public void Smoke_reads_every_sample()
    {
        var failures = new List<string>();
        foreach (var path in Peers.PydicomSamples().Where(path => !Samples.KnownBroken.Contains(Path.GetFileName(path))))
        {
            try
            {
                var file = DicomFile.Open(path);
                TestContext.Out.WriteLine($"{Path.GetFileName(path)}: {file.TransferSyntax.Name}, {file.Dataset.Count} elements");
            }
            catch (DicomFormatException exception)
            {
                TestContext.Out.WriteLine($"{Path.GetFileName(path)}: {exception.Message}");
                failures.Add(Path.GetFileName(path));
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [TestCaseSource(typeof(Samples), nameof(Samples.KnownBroken))]
    [Description("These samples are broken on purpose and DCMTK's dcmdump rejects them too.")]
    public void Broken_sample_throws_format_exception(string name)
    {
        var path = Samples.Pydicom(name);

        Assert.That(() => DicomFile.Open(path), Throws.InstanceOf<DicomFormatException>());
    }
}
