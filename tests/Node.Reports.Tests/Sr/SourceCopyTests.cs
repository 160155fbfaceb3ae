using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Sr;

[Description("The SR files into the same patient and study: the patient and study modules are copied faithfully, whatever the source's character set.")]
public sealed class SourceCopyTests
{
    private static readonly DicomTag[] CopiedTags =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.PatientBirthDate, DicomTags.PatientSex, DicomTags.StudyInstanceUID,
        DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.StudyID, DicomTags.AccessionNumber, DicomTags.ReferringPhysicianName,
    ];

    [Test]
    public async Task Ct_small_patient_and_study_are_copied()
    {
        var path = Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "CT_small.dcm"), "python3-pydicom");
        var study = await ReferenceModel.AnalyseFileAsync(path);
        var source = study.Sources[0].Dataset;

        var sr = SrReadBackTests.WriteToBytesAndRead(study.Request);

        foreach (var tag in CopiedTags)
        {
            Assert.That(sr.GetString(tag), Is.EqualTo(source.GetString(tag) ?? string.Empty), tag.ToString());
        }
    }

    [TestCase("ISO_IR 100", "Müller^Jürgen", 28591)]
    [TestCase("ISO_IR 144", "Иванов^Пётр", 28595)]
    public async Task Non_ascii_names_survive_the_copy(string characterSet, string name, int codePage)
    {
        var study = (await ReferenceModel.AnalysePhantomsAsync(1, seed: 77))[0];
        var source = study.Sources[0].Dataset;
        source.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, characterSet);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        source.SetBytes(DicomTags.PatientName, DicomVR.PN, System.Text.Encoding.GetEncoding(codePage).GetBytes(name));
        Assert.That(source.GetString(DicomTags.PatientName), Is.EqualTo(name), "the source does not decode as set up");

        var sr = SrReadBackTests.WriteToBytesAndRead(study.Request);

        Assert.That(sr.GetString(DicomTags.SpecificCharacterSet), Is.EqualTo("ISO_IR 192"));
        Assert.That(sr.GetString(DicomTags.PatientName), Is.EqualTo(name));
    }
}
