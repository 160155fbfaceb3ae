using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Inference.Results;
using Node.Reports.Evaluation;
using Node.Reports.Sr;
using Node.Reports.Tests.Sr;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Evaluation;

[Description("Metrics are tests: evaluate reads only the SR files, and gives the ROC-AUC the raw model outputs give, and warns where the values were damaged on the way.")]
public sealed class EvaluateTests
{
    private const int StudyCount = 60;

    private IReadOnlyList<AnalysedStudy> _studies = [];
    private LabelSet _labels = null!;

    [OneTimeSetUp]
    public async Task AnalysePhantoms()
    {
        _studies = await ReferenceModel.AnalysePhantomsAsync(StudyCount, seed: 31337);
        var lines = new List<string> { LabelSet.Header };
        lines.AddRange(_studies.SelectMany(study => study.Labels.Select(label => $"{study.Result.StudyInstanceUid},{label.Key},{(label.Value ? 1 : 0)}")));
        _labels = LabelSet.Parse(lines);
    }

    [Test]
    public void Evaluate_matches_raw_model_auc()
    {
        using var files = new ReportFiles();
        WriteSrs(files, _studies.Select(study => study.Request));

        var (documents, _) = SrFolder.Read(files.Folder);
        var report = Evaluator.Evaluate(documents, _labels);

        var analysed = _studies.Where(study => study.Result is AnalysedStudyResult).ToList();
        Assert.That(analysed, Has.Count.GreaterThan(StudyCount / 2), "too few studies analysed for a metric");
        Assert.That(report.Findings, Has.Count.EqualTo(3));
        foreach (var finding in report.Findings)
        {
            var scores = analysed.Select(study => study.Analysed.Findings.Single(item => item.Finding.Id == finding.FindingId).Probability.Value).ToList();
            var labels = analysed.Select(study => study.Labels[finding.FindingId]).ToList();
            var threshold = analysed[0].Analysed.Findings.Single(item => item.Finding.Id == finding.FindingId).Finding.DecisionThreshold.Value;

            Assert.That(finding.RocAuc, Is.EqualTo(PairwiseAuc(scores, labels)).Within(1e-12), finding.FindingId);
            Assert.That(finding.Studies, Is.EqualTo(analysed.Count));
            Assert.That(finding.DecisionThreshold, Is.EqualTo(threshold));
            Assert.That(finding.Sensitivity, Is.EqualTo(Fraction(scores, labels, threshold, positives: true)).Within(1e-12));
            Assert.That(finding.Specificity, Is.EqualTo(Fraction(scores, labels, threshold, positives: false)).Within(1e-12));
        }

        Assert.That(report.Warnings, Is.Empty);
        Assert.That(report.SrFilesRead, Is.EqualTo(StudyCount));
    }

    [Test]
    public void Evaluate_warns_on_rounded_values()
    {
        using var files = new ReportFiles();
        WriteSrs(files, _studies.Select(study => Altered(study, findings => [.. findings.Select(finding => finding with { Probability = new Probability(Math.Round(finding.Probability.Value, 2)) })])));

        var (documents, _) = SrFolder.Read(files.Folder);
        var report = Evaluator.Evaluate(documents, _labels);

        var warning = report.Warnings.SingleOrDefault(item => item.Kind == DamageKind.CoarseGrid);
        Assert.That(warning, Is.Not.Null);
        Assert.That(warning!.FindingIds, Is.EquivalentTo(report.Findings.Select(finding => finding.FindingId)));
        Assert.That(report.Warnings.Any(item => item.Kind == DamageKind.AnyFindingValue), Is.False);
    }

    [Test]
    [Description("A writer that put the study-level value in every finding's place, where the SR has no any-finding number of its own.")]
    public void Evaluate_warns_on_findings_equal_to_max()
    {
        using var files = new ReportFiles();
        WriteSrs(files, _studies.Select(study => Altered(study, findings =>
        {
            var max = findings.Max(finding => finding.Probability);
            return [.. findings.Select(finding => finding with { Probability = max })];
        })));

        var report = Evaluator.Evaluate(SrFolder.Read(files.Folder).Documents, _labels);

        var warning = report.Warnings.SingleOrDefault(item => item.Kind == DamageKind.AnyFindingValue);
        Assert.That(warning, Is.Not.Null);
        Assert.That(warning!.FindingIds, Has.Count.EqualTo(3));
    }

    [Test]
    [Description("An SR from another writer that gives the any-finding item a number, and the same number to every finding.")]
    public void Evaluate_warns_on_any_finding_number_copied()
    {
        using var files = new ReportFiles();
        foreach (var (study, index) in _studies.Where(study => study.Result is AnalysedStudyResult).Select((study, index) => (study, index)))
        {
            var value = study.Analysed.Findings.Average(finding => finding.Probability.Value);
            var request = Altered(study, findings => [.. findings.Select(finding => finding with { Probability = new Probability(value) })]);
            var dataset = DicomFile.Read(SrValidationTests.Writer("en").Write(request).ToBytes()).Dataset;
            AddAnyFindingNumber(dataset, study.Analysed.AnyFinding.Definition.Code, value);
            files.Save(new DicomFile(dataset), $"study-{index:D3}/sr.dcm");
        }

        var (documents, _) = SrFolder.Read(files.Folder);
        var report = Evaluator.Evaluate(documents, _labels);

        Assert.That(documents[0].AnyFinding!.Value, Is.Not.Null, "the any-finding number was not read");
        var warning = report.Warnings.SingleOrDefault(item => item.Kind == DamageKind.AnyFindingValue);
        Assert.That(warning, Is.Not.Null);
        Assert.That(warning!.FindingIds, Has.Count.EqualTo(3));
    }

    [Test]
    public void Output_names_every_finding()
    {
        using var files = new ReportFiles();
        WriteSrs(files, _studies.Take(20).Select(study => study.Request));
        var report = Evaluator.Evaluate(SrFolder.Read(files.Folder).Documents, _labels);

        var table = EvaluationOutput.Table(report);
        using var json = System.Text.Json.JsonDocument.Parse(EvaluationOutput.Json(report));

        foreach (var finding in report.Findings)
        {
            Assert.That(table, Does.Contain(finding.FindingId));
        }

        Assert.That(json.RootElement.GetProperty("Findings").GetArrayLength(), Is.EqualTo(report.Findings.Count));
        Assert.That(json.RootElement.GetProperty("Findings")[0].GetProperty("RocAuc").ValueKind, Is.AnyOf(System.Text.Json.JsonValueKind.Number, System.Text.Json.JsonValueKind.Null));
    }

    private static void WriteSrs(ReportFiles files, IEnumerable<ReportRequest> requests)
    {
        foreach (var (request, index) in requests.Select((request, index) => (request, index)))
        {
            files.Save(SrValidationTests.Writer("en").Write(request), $"study-{index:D3}/sr.dcm");
        }
    }

    private static ReportRequest Altered(AnalysedStudy study, Func<IReadOnlyList<FindingResult>, IReadOnlyList<FindingResult>> change) =>
        study.Result is AnalysedStudyResult analysed
            ? study.Request with { Result = analysed with { Findings = change(analysed.Findings) } }
            : study.Request;

    private static void AddAnyFindingNumber(DicomDataset dataset, Node.Inference.Packs.CodedConcept code, double value)
    {
        var container = dataset.GetSequence(DicomTags.ContentSequence)!.Items
            .Single(item => item.GetSequence(DicomTags.ConceptNameCodeSequence)!.Items[0].GetString(DicomTags.CodeValue) == SrCodes.QualitativeEvaluations.Value);
        var items = container.GetSequence(DicomTags.ContentSequence)!.Items.Select(item => item.Clone()).ToList();
        items.Add(ContentItems.Num(RelationshipType.Contains, code, value, SrCodes.NoUnits));
        container.SetSequence(DicomTags.ContentSequence, [.. items]);
    }

    /// <summary>ROC-AUC by comparing every positive with every negative, independent of the rank formula under test.</summary>
    private static double PairwiseAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = scores.Where((_, i) => labels[i]).ToList();
        var negatives = scores.Where((_, i) => !labels[i]).ToList();
        var wins = 0.0;
        foreach (var positive in positives)
        {
            wins += negatives.Count(negative => positive > negative);
            wins += 0.5 * negatives.Count(negative => positive == negative);
        }

        return wins / (positives.Count * (double)negatives.Count);
    }

    private static double Fraction(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold, bool positives) =>
        scores.Where((_, i) => labels[i] == positives).Average(score => (score >= threshold) == positives ? 1.0 : 0.0);
}
