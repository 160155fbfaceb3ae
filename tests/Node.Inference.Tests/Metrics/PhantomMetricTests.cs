using Node.Inference.Imaging;
using Node.Inference.Phantoms;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Metrics;

[Description("Metrics are tests: the reference model on 200 labeled phantom studies must keep its per-finding ROC-AUC and its accuracy at each finding's own decision threshold.")]
public sealed class PhantomMetricTests
{
    private const double MinRocAuc = 0.90;
    private const double MinSensitivity = 0.80;
    private const double MinSpecificity = 0.80;

    private static IReadOnlyList<PhantomStudy> _studies = [];
    private static IReadOnlyList<StudyResult> _results = [];

    [OneTimeSetUp]
    public async Task AnalyzePhantomSet()
    {
        _studies = PhantomSets.Generate(PhantomSets.MetricStudyCount, PhantomSets.MetricSeed);
        var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
        _results = await analyzer.AnalyzeAsync(PhantomSets.AsInputs(_studies));
    }

    [Test]
    public void Every_phantom_study_is_analysed()
    {
        var notAnalysed = _results.OfType<NotAnalysedStudyResult>().ToList();

        Assert.That(notAnalysed, Is.Empty, () => string.Join(Environment.NewLine, notAnalysed.SelectMany(result => result.Reasons).Take(5)));
    }

    [TestCaseSource(typeof(PhantomFindings), nameof(PhantomFindings.All))]
    public void Finding_keeps_roc_auc(string findingId)
    {
        var (scores, labels) = ScoresAndLabels(findingId);

        var auc = BinaryMetrics.RocAuc(scores, labels);

        TestContext.Out.WriteLine($"{findingId}: ROC-AUC {auc:F4} on {labels.Count} studies, {labels.Count(label => label)} positive");
        Assert.That(auc, Is.GreaterThanOrEqualTo(MinRocAuc));
    }

    [TestCaseSource(typeof(PhantomFindings), nameof(PhantomFindings.All))]
    public void Finding_keeps_accuracy_at_threshold(string findingId)
    {
        var (scores, labels) = ScoresAndLabels(findingId);
        var decisionThreshold = ReferencePack.Shared.Manifest.Findings.Single(finding => finding.Id == findingId).DecisionThreshold.Value;

        var sensitivity = BinaryMetrics.Sensitivity(scores, labels, decisionThreshold);
        var specificity = BinaryMetrics.Specificity(scores, labels, decisionThreshold);

        TestContext.Out.WriteLine($"{findingId}: sensitivity {sensitivity:F3}, specificity {specificity:F3} at DecisionThreshold {decisionThreshold}");
        Assert.That(sensitivity, Is.GreaterThanOrEqualTo(MinSensitivity), "sensitivity");
        Assert.That(specificity, Is.GreaterThanOrEqualTo(MinSpecificity), "specificity");
    }

    [Test]
    [Description("Every finding stands alone: on the same study the three probabilities must differ, not repeat one value.")]
    public void Findings_differ_within_each_study()
    {
        var studies = _results.OfType<AnalysedStudyResult>().ToList();

        var spreads = studies.Select(study => study.Findings.Max(f => f.Probability.Value) - study.Findings.Min(f => f.Probability.Value)).ToList();

        Assert.That(spreads.Count(spread => spread == 0.0), Is.Zero, "studies whose findings all have the same probability");
        Assert.That(spreads.Average(), Is.GreaterThan(0.3), "mean spread between the highest and lowest finding probability");
    }

    private static (List<double> Scores, List<bool> Labels) ScoresAndLabels(string findingId)
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        foreach (var (study, result) in _studies.Zip(_results))
        {
            var analysed = (AnalysedStudyResult)result;
            scores.Add(analysed.Findings.Single(finding => finding.Finding.Id == findingId).Probability.Value);
            labels.Add(study.Labels[findingId]);
        }

        return (scores, labels);
    }
}
