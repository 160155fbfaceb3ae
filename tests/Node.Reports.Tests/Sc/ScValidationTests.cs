using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Inference.Results;
using Node.Reports.Composition;
using Node.Reports.Sc;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Sc;

[Description("The SC images pass dicom3tools' IOD validator and decode in DCMTK to the colours we wrote.")]
public sealed class ScValidationTests
{
    /// <summary>
    /// dciodvfy requires Laterality (0020,0060), type 2C, and warns when it is empty. The node
    /// leaves it empty where the source states no side, since it cannot tell whether the body
    /// part is paired. Empty is the standard's value for "not known".
    /// </summary>
    private const string EmptyLateralityWarning = "attribute <Laterality>";

    private IReadOnlyList<AnalysedStudy> _studies = [];

    [OneTimeSetUp]
    public async Task AnalysePhantoms() => _studies = await ReferenceModel.AnalysePhantomsAsync(3, seed: 9090);

    [SetUp]
    public void RequireFont() => Peers.RequirePath(ScRenderingTests.FontPath, ReportFont.DebianPackage);

    [TestCase("en")]
    [TestCase("ru")]
    public void Sc_images_pass_dciodvfy(string language)
    {
        using var files = new ReportFiles();
        var written = Writer(language, maxKeyImages: 2).Write(_studies[0].Request);

        foreach (var (file, index) in written.Select((file, index) => (file, index)))
        {
            var (errors, warnings, output) = Dciodvfy.Check(files.Save(file, $"sc{index}.dcm"));
            TestContext.Out.WriteLine(output);
            Assert.That(errors, Is.Empty);
            Assert.That(warnings.Where(warning => !warning.EndsWith(EmptyLateralityWarning, StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public void Not_analysed_study_gets_summary_only()
    {
        var study = _studies[1];
        var request = new ReportRequest(
            new NotAnalysedStudyResult(study.Result.StudyInstanceUid, study.Result.Model, [new(Node.Inference.Validation.NotAnalysedRule.Modality, "Modality (0008,0060)", "MR", "one of \"CT\"", study.Sources[0].SopInstanceUid)]),
            study.Sources,
            ReferenceModel.SettingsSha256);
        using var files = new ReportFiles();

        var written = Writer("en", maxKeyImages: 3).Write(request);

        Assert.That(written, Has.Count.EqualTo(1));
        var (errors, _, _) = Dciodvfy.Check(files.Save(written[0], "summary.dcm"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Key_images_respect_the_maximum()
    {
        foreach (var study in _studies)
        {
            var written = Writer("en", maxKeyImages: 1).Write(study.Request);
            Assert.That(written, Has.Count.EqualTo(2), "one key image and the summary");
            Assert.That(Writer("en", maxKeyImages: 0).Write(study.Request), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void Sc_attributes_follow_the_iod()
    {
        var study = _studies[0];
        var written = Writer("en", maxKeyImages: 3).Write(study.Request);
        var key = DicomFile.Read(written[0].ToBytes()).Dataset;
        var seriesUids = written.Select(file => file.Dataset.GetUid(DicomTags.SeriesInstanceUID)).Distinct().ToList();

        Assert.That(key.GetUid(DicomTags.SOPClassUID), Is.EqualTo("1.2.840.10008.5.1.4.1.1.7"));
        Assert.That(key.GetValues<ushort>(DicomTags.SamplesPerPixel)[0], Is.EqualTo(3));
        Assert.That(key.GetValues<ushort>(DicomTags.PlanarConfiguration)[0], Is.Zero);
        Assert.That(key.GetValues<ushort>(DicomTags.BitsAllocated)[0], Is.EqualTo(8));
        Assert.That(key.GetString(DicomTags.PhotometricInterpretation), Is.EqualTo("RGB"));
        Assert.That(key.GetString(DicomTags.ConversionType), Is.EqualTo("WSD"));
        Assert.That(key.GetString(DicomTags.BurnedInAnnotation), Is.EqualTo("YES"));
        Assert.That(key.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(study.Sources[0].StudyInstanceUid));
        Assert.That(seriesUids, Has.Count.EqualTo(1));
        Assert.That(seriesUids[0], Is.Not.EqualTo(study.Sources[0].SeriesInstanceUid));
        var source = key.GetSequence(DicomTags.SourceImageSequence)!.Items[0];
        Assert.That(study.Sources.Select(item => item.SopInstanceUid), Does.Contain(source.GetUid(DicomTags.ReferencedSOPInstanceUID)));
        Assert.That(key.GetElement(DicomTags.PixelData)!.VR.Code, Is.EqualTo("OB"));
    }

    [Test]
    public void Sc_decodes_in_dcm2pnm_as_written()
    {
        var program = Peers.RequireProgram("dcm2pnm", "dcmtk");
        using var files = new ReportFiles();
        var written = Writer("ru", maxKeyImages: 1).Write(_studies[0].Request);

        foreach (var (file, index) in written.Select((file, index) => (file, index)))
        {
            var path = files.Save(file, $"sc{index}.dcm");
            var png = Path.Combine(files.Folder, $"sc{index}.png");
            ProgramRun.RunChecked(program, "+on", path, png);

            var decoded = PngImages.Read(png);
            var expected = new RgbImage(file.Dataset.GetInt32(DicomTags.Rows), file.Dataset.GetInt32(DicomTags.Columns), ((DicomValueElement)file.Dataset.GetElement(DicomTags.PixelData)!).Value.ToArray());
            Assert.That(PngImages.DifferingFraction(expected, decoded, 0), Is.Zero, $"instance {index}");
        }
    }

    [Test]
    [Description("An SC of red, green, blue and white bars decodes in DCMTK to the same colours, so nothing swaps channels or planes.")]
    public void Colour_bars_decode_to_same_colours()
    {
        var program = Peers.RequireProgram("dcm2pnm", "dcmtk");
        (byte, byte, byte)[] colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)];
        var bars = Bars(colours, barWidth: 16, rows: 8);
        var dataset = SourceAttributes.CopyFrom(_studies[0].Sources[0].Dataset);
        dataset.SetUid(DicomTags.SOPClassUID, ScSeries.SecondaryCaptureSopClassUid);
        dataset.SetUid(DicomTags.SOPInstanceUID, Node.Dicom.Uids.DicomUid.Generate());
        ScSeries.SetImagePixel(dataset, bars);
        using var files = new ReportFiles();
        var path = files.Save(new DicomFile(dataset), "bars.dcm");
        var png = Path.Combine(files.Folder, "bars.png");

        ProgramRun.RunChecked(program, "+on", path, png);
        var decoded = PngImages.Read(png);

        for (var bar = 0; bar < colours.Length; bar++)
        {
            Assert.That(decoded[4, (bar * 16) + 8], Is.EqualTo(colours[bar]), $"bar {bar}");
        }
    }

    private static RgbImage Bars((byte Red, byte Green, byte Blue)[] colours, int barWidth, int rows)
    {
        var columns = colours.Length * barWidth;
        var pixels = new byte[rows * columns * 3];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var (red, green, blue) = colours[column / barWidth];
                var index = ((row * columns) + column) * 3;
                pixels[index] = red;
                pixels[index + 1] = green;
                pixels[index + 2] = blue;
            }
        }

        return new RgbImage(rows, columns, pixels);
    }

    private static SecondaryCaptureWriter Writer(string language, int maxKeyImages) =>
        new(new ReportOptions { Language = language, MaxKeyImages = maxKeyImages }, new FixedTime());
}
