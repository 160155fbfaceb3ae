using Node.Inference.Results;
using Node.Inference.Validation;
using Node.Reports.Sr;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Sr;

[Description("The SRs the node writes pass dicom3tools' IOD validator and DCMTK's SR reader, the checks a PACS vendor would run.")]
public sealed class SrValidationTests
{
    private IReadOnlyList<AnalysedStudy> _studies = [];

    [OneTimeSetUp]
    public async Task AnalysePhantoms() => _studies = await ReferenceModel.AnalysePhantomsAsync(4, seed: 5150);

    [TestCase("en")]
    [TestCase("ru")]
    public void Analysed_sr_passes_dciodvfy(string language)
    {
        using var files = new ReportFiles();
        var path = files.Save(Writer(language).Write(_studies[0].Request), "sr.dcm");

        var (errors, warnings, output) = Dciodvfy.Check(path);
        TestContext.Out.WriteLine(output);

        Assert.That(errors, Is.Empty);
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void Not_analysed_sr_passes_dciodvfy()
    {
        using var files = new ReportFiles();
        var path = files.Save(Writer("ru").Write(NotAnalysedRequest()), "sr.dcm");

        var (errors, warnings, output) = Dciodvfy.Check(path);
        TestContext.Out.WriteLine(output);

        Assert.That(errors, Is.Empty);
        Assert.That(warnings, Is.Empty);
    }

    [TestCase("en")]
    [TestCase("ru")]
    public void Sr_passes_dsrdump(string language)
    {
        var program = Peers.RequireProgram("dsrdump", "dcmtk");
        using var files = new ReportFiles();
        var analysed = files.Save(Writer(language).Write(_studies[1].Request), "analysed.dcm");
        var notAnalysed = files.Save(Writer(language).Write(NotAnalysedRequest()), "not-analysed.dcm");

        foreach (var path in new[] { analysed, notAnalysed })
        {
            var (exitCode, output, error) = ProgramRun.Run(program, path);
            TestContext.Out.WriteLine(output + error);
            var complaints = error.Split('\n').Where(line => line.StartsWith("E:", StringComparison.Ordinal) || (line.StartsWith("W:", StringComparison.Ordinal) && !line.Contains(DcmtkCharacterSetNotice, StringComparison.Ordinal)));
            Assert.That(exitCode, Is.Zero, error);
            Assert.That(complaints, Is.Empty, "dsrdump reported errors or warnings");
            Assert.That(output, Does.Contain(language == "ru" ? "Отчёт об измерениях" : "Imaging Measurement Report"));
        }
    }

    /// <summary>DCMTK 3.6.7 warns that its VR checker cannot check UTF-8 text; that is about the checker, not the file.</summary>
    private const string DcmtkCharacterSetNotice = "VR checker does not support this Specific Character Set";

    internal static StructuredReportWriter Writer(string language) =>
        new(new ReportOptions { Language = language, DeviceObserverUid = "1.2.826.0.1.3680043.10.1234.1" }, new FixedTime());

    private ReportRequest NotAnalysedRequest()
    {
        var study = _studies[2];
        var reasons = new List<NotAnalysedReason>
        {
            new(NotAnalysedRule.Modality, "Modality (0008,0060)", "MR", "one of \"CT\"", study.Sources[0].SopInstanceUid),
            new(NotAnalysedRule.RequiredAttribute, "PixelSpacing (0028,0030)", null, "a non-empty value", study.Sources[0].SopInstanceUid),
        };
        var result = new NotAnalysedStudyResult(study.Result.StudyInstanceUid, study.Result.Model, reasons);
        return new ReportRequest(result, study.Sources, ReferenceModel.SettingsSha256);
    }
}
