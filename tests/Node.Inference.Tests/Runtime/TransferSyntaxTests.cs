using Node.Dicom.IO;
using Node.Dicom.Uids;
using Node.Inference.Imaging;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;
using Node.Inference.Validation;

namespace Node.Inference.Tests.Runtime;

[Description("The transfer syntax travels with each instance, so RLE Lossless is decoded and other compressed syntaxes are rejected by name.")]
public sealed class TransferSyntaxTests
{
    private const double Tolerance = 1e-6;

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "ainode-syntax-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    [Description("RLE Lossless is lossless, so analysing the compressed file through the folder analysis must give the uncompressed file's probabilities.")]
    public async Task Rle_ct_gives_uncompressed_probabilities()
    {
        var native = CtSample();
        var rle = DcmtkCodecs.CompressRle(native, Path.Combine(_folder, "in"));
        Assert.That(DicomFile.Open(rle).TransferSyntax, Is.EqualTo(DicomTransferSyntax.RLELossless), "dcmcrle output");

        var expected = (AnalysedStudyResult)await Analyzer().AnalyzeAsync(new StudyInput("native", [StudyInstance.FromFile(DicomFile.Open(native))]));
        var results = new List<StudyResult>();
        await FolderAnalysis.RunAsync(Path.Combine(_folder, "in"), Path.Combine(_folder, "out"), Analyzer(), new CapturingLogger<StudyAnalyzer>(), onStudy: (_, result, _) => results.Add(result));

        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0], Is.TypeOf<AnalysedStudyResult>(), () => Describe(results[0]));
        var actual = (AnalysedStudyResult)results[0];
        for (var i = 0; i < expected.Findings.Count; i++)
        {
            Assert.That(actual.Findings[i].Probability.Value, Is.EqualTo(expected.Findings[i].Probability.Value).Within(Tolerance), expected.Findings[i].Finding.Id);
        }
    }

    [Test]
    public async Task Jpeg_ct_is_not_analysed_naming_syntax()
    {
        var jpeg = DcmtkCodecs.CompressJpegLossless(CtSample(), _folder);
        var file = DicomFile.Open(jpeg);
        var syntax = file.TransferSyntax;
        Assert.That(syntax.IsEncapsulated, Is.True, "dcmcjpeg output");

        var result = await Analyzer().AnalyzeAsync(new StudyInput("jpeg", [StudyInstance.FromFile(file)]));

        Assert.That(result, Is.TypeOf<NotAnalysedStudyResult>());
        var reason = ((NotAnalysedStudyResult)result).Reasons.Single();
        Assert.That(reason.Rule, Is.EqualTo(NotAnalysedRule.PixelData));
        Assert.That(reason.Attribute, Is.EqualTo("Transfer Syntax UID (0002,0010)"));
        Assert.That(reason.Value, Does.Contain(syntax.Uid));
        Assert.That(reason.Value, Does.Contain(syntax.Name));
        Assert.That(reason.Expected, Does.Contain("RLE Lossless"));
    }

    [Test]
    [Description("A data set taken without its file's transfer syntax is read as Explicit VR Little Endian, so encapsulated Pixel Data is a reason, never a crash.")]
    public async Task Rle_dataset_without_syntax_is_not_analysed()
    {
        var rle = DcmtkCodecs.CompressRle(CtSample(), _folder);

        var result = await Analyzer().AnalyzeAsync(new StudyInput("rle", [DicomFile.Open(rle).Dataset]));

        Assert.That(result, Is.TypeOf<NotAnalysedStudyResult>());
        var reason = ((NotAnalysedStudyResult)result).Reasons.Single();
        Assert.That(reason.Rule, Is.EqualTo(NotAnalysedRule.PixelData));
        Assert.That(reason.Value, Does.Contain("encapsulated"));
    }

    [Test]
    public void Rle_mr_sample_decodes_like_uncompressed_twin()
    {
        var folder = Peers.RequirePath(Peers.PydicomTestFiles, "python3-pydicom");
        var native = DicomFile.Open(Path.Combine(folder, "MR_small.dcm"));
        var rle = DicomFile.Open(Peers.RequirePath(Path.Combine(folder, "MR_small_RLE.dcm"), "python3-pydicom"));
        var decoder = new DicomPixelDataDecoder();
        Assert.That(rle.TransferSyntax, Is.EqualTo(DicomTransferSyntax.RLELossless));

        var expected = decoder.DecodeFrame(native.Dataset, native.TransferSyntax, 0, applyModalityLut: false);
        var actual = decoder.DecodeFrame(rle.Dataset, rle.TransferSyntax, 0, applyModalityLut: false);

        Assert.That(actual.Rows, Is.EqualTo(expected.Rows));
        Assert.That(actual.Columns, Is.EqualTo(expected.Columns));
        Assert.That(actual.Values, Is.EqualTo(expected.Values));
    }

    private static string CtSample() =>
        Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "CT_small.dcm"), "python3-pydicom");

    private static StudyAnalyzer Analyzer() => new(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());

    private static string Describe(StudyResult result) =>
        result is NotAnalysedStudyResult notAnalysed ? string.Join(" ", notAnalysed.Reasons.Select(reason => reason.Message)) : result.ToString();
}
