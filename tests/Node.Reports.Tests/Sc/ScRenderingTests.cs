using Node.Inference.Results;
using Node.Reports.Localization;
using Node.Reports.Sc;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Sc;

[Description("What the radiologist sees: the rendered SC of a fixed input matches a reference picture that a person checked by eye.")]
public sealed class ScRenderingTests
{
    /// <summary>The font the node looks for first, from Debian's fonts-dejavu-core.</summary>
    internal const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Set to 1 to rewrite the reference pictures from the current renderer; look at them before committing.</summary>
    private const string UpdateVariable = "AINODE_UPDATE_REFERENCE_IMAGES";

    /// <summary>Levels a sample may differ by, for anti-aliasing that differs between CPUs.</summary>
    private const int SampleTolerance = 24;

    /// <summary>Fraction of samples allowed beyond that tolerance.</summary>
    private const double MaxDifferingFraction = 0.002;

    [SetUp]
    public void RequireFont() => Peers.RequirePath(FontPath, ReportFont.DebianPackage);

    [TestCase("en", "key-image-en.png")]
    [TestCase("ru", "key-image-ru.png")]
    public void Key_image_matches_reference(string language, string referenceName)
    {
        var request = SyntheticStudy.Request();
        var analysed = (AnalysedStudyResult)request.Result;
        var keyImage = KeyImageSelector.Select(analysed, request.Sources, 3).Single();

        var rendered = new KeyImageRenderer(Options(language), ReportFont.Default).Render(keyImage, analysed);

        CompareWithReference(rendered, referenceName);
    }

    [TestCase("en", "summary-en.png")]
    [TestCase("ru", "summary-ru.png")]
    public void Summary_image_matches_reference(string language, string referenceName)
    {
        var rendered = new SummaryImageRenderer(Options(language), ReportFont.Default).Render(SyntheticStudy.Request().Result);

        CompareWithReference(rendered, referenceName);
    }

    [Test]
    public void Key_image_text_is_readable_size()
    {
        var band = new TextBand(ReportFont.Default, 512, [new TextLine("x", TextBand.Foreground)]);

        Assert.That(band.FontSize, Is.GreaterThanOrEqualTo(14f));
        Assert.That(new TextBand(ReportFont.Default, 300, []).FontSize, Is.GreaterThanOrEqualTo(14f));
    }

    [TestCase(ReportLanguage.English, "Nodule: 87.3 %, present")]
    [TestCase(ReportLanguage.Russian, "Узел: 87,3 %, есть")]
    public void Legend_lists_every_finding(ReportLanguage language, string expectedNoduleLine)
    {
        var analysed = (AnalysedStudyResult)SyntheticStudy.Request().Result;

        var lines = LegendLines.Findings(analysed, language).Select(line => line.Text).ToList();

        Assert.That(lines, Does.Contain(expectedNoduleLine));
        Assert.That(lines.Count(line => line.Contains('%', StringComparison.Ordinal)), Is.EqualTo(analysed.Findings.Count));
        Assert.That(lines, Has.Some.StartsWith(SyntheticStudy.AnyFinding.DisplayNames.For(language.ToCode())));
    }

    [Test]
    public void Footer_names_node_model_and_caution()
    {
        var lines = LegendLines.Footer(Options("ru"), SyntheticStudy.Model, ReportLanguage.Russian).Select(line => line.Text).ToList();

        Assert.That(lines[0], Does.Contain("AI Node").And.Contain("synthetic-pack").And.Contain("2.3.1"));
        Assert.That(lines[1], Is.EqualTo(ReportTexts.Get(TextKey.NotForDiagnosticUse, ReportLanguage.Russian)));
    }

    private static ReportOptions Options(string language) => new() { Language = language };

    private static void CompareWithReference(RgbImage rendered, string referenceName)
    {
        var path = Path.Combine(RepositoryPaths.TestProject, "Reference", referenceName);
        var actualPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, "actual-" + referenceName);
        PngImages.Write(rendered, actualPath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            PngImages.Write(rendered, path);
            Assert.Ignore($"Rewrote {path}; look at it before committing.");
        }

        var expected = PngImages.Read(path);

        Assert.That((rendered.Rows, rendered.Columns), Is.EqualTo((expected.Rows, expected.Columns)), $"size differs; the rendering is at {actualPath}");
        Assert.That(PngImages.DifferingFraction(expected, rendered, SampleTolerance), Is.LessThanOrEqualTo(MaxDifferingFraction), $"pixels differ; the rendering is at {actualPath}");
    }
}
