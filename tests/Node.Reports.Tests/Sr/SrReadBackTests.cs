using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Inference.Results;
using Node.Reports.Sr;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Sr;

[Description("A probability is a type end to end: what the SR carries, read back through our parser, equals the model's raw output for every finding.")]
public sealed class SrReadBackTests
{
    private const double Tolerance = 1e-6;

    private IReadOnlyList<AnalysedStudy> _studies = [];

    [OneTimeSetUp]
    public async Task AnalysePhantoms() => _studies = await ReferenceModel.AnalysePhantomsAsync(8, seed: 4242);

    [Test]
    public void Phantom_findings_read_back_exactly()
    {
        foreach (var study in _studies.Where(study => study.Result is AnalysedStudyResult))
        {
            var document = WriteAndRead(study.Request);

            foreach (var finding in study.Analysed.Findings)
            {
                var reading = document.FindingByKey(finding.Finding.Id);
                Assert.That(reading, Is.Not.Null, $"finding {finding.Finding.Id} missing");
                Assert.That(reading!.Probability, Is.EqualTo(finding.Probability.Value).Within(Tolerance), finding.Finding.Id);
                Assert.That(double.Parse(reading.ProbabilityText!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(finding.Probability.Value).Within(Tolerance), $"Numeric Value text of {finding.Finding.Id}");
                Assert.That(reading.ProbabilityText!, Has.Length.LessThanOrEqualTo(DicomDecimalString.MaxLength));
                Assert.That(reading.DecisionThreshold, Is.EqualTo(finding.Finding.DecisionThreshold.Value), finding.Finding.Id);
                Assert.That(reading.IsPresent, Is.EqualTo(finding.MeetsDecisionThreshold), finding.Finding.Id);
                Assert.That(reading.Code.Value, Is.EqualTo(finding.Finding.Code.Value));
            }
        }
    }

    [Test]
    [Description("A writer that put one value in every finding's place would pass a test that only checks one finding.")]
    public void Findings_differ_where_outputs_differ()
    {
        var pairsCompared = 0;
        foreach (var study in _studies.Where(study => study.Result is AnalysedStudyResult))
        {
            var document = WriteAndRead(study.Request);
            var findings = study.Analysed.Findings;
            foreach (var first in findings)
            {
                foreach (var second in findings.Where(second => second.Finding.Id != first.Finding.Id && Math.Abs(second.Probability.Value - first.Probability.Value) > 1e-3))
                {
                    Assert.That(document.FindingByKey(first.Finding.Id)!.Probability, Is.Not.EqualTo(document.FindingByKey(second.Finding.Id)!.Probability).Within(Tolerance));
                    pairsCompared++;
                }
            }
        }

        Assert.That(pairsCompared, Is.GreaterThan(0), "no study had findings with different outputs");
    }

    [Test]
    public async Task Ct_small_reads_back_exactly()
    {
        var path = Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "CT_small.dcm"), "python3-pydicom");
        var study = await ReferenceModel.AnalyseFileAsync(path);
        Assert.That(study.Result, Is.TypeOf<AnalysedStudyResult>(), (study.Result as NotAnalysedStudyResult)?.Reasons.FirstOrDefault()?.Message);

        var document = WriteAndRead(study.Request);

        Assert.That(document.Findings, Has.Count.EqualTo(study.Analysed.Findings.Count));
        foreach (var finding in study.Analysed.Findings)
        {
            Assert.That(document.FindingByKey(finding.Finding.Id)!.Probability, Is.EqualTo(finding.Probability.Value).Within(Tolerance), finding.Finding.Id);
        }

        Assert.That(study.Analysed.Findings.Select(finding => finding.Probability.Value).Distinct().Count(), Is.GreaterThan(1), "the model gave every finding one value, so the check above proves less");
    }

    [Test]
    [Description("A Russian SR gives every code a Russian meaning for the radiologist, and still reads back by code value to the same probabilities.")]
    public void Russian_sr_reads_back_by_code()
    {
        var study = _studies.First(candidate => candidate.Result is AnalysedStudyResult);
        var dataset = DicomFile.Read(SrValidationTests.Writer("ru").Write(study.Request).ToBytes()).Dataset;
        var document = SrReader.Read(dataset);
        var meanings = AllItems(dataset).Select(item => item.GetString(DicomTags.CodeMeaning)).OfType<string>().ToList();

        foreach (var finding in study.Analysed.Findings)
        {
            Assert.That(document.FindingByKey(finding.Finding.Id)?.Probability, Is.EqualTo(finding.Probability.Value).Within(Tolerance), finding.Finding.Id);
            Assert.That(meanings, Has.Member(finding.Finding.DisplayNames.Russian), finding.Finding.Id);
        }

        Assert.That(document.AnyFinding, Is.Not.Null);
        Assert.That(meanings, Has.Member("Вероятность находки"));
        Assert.That(meanings, Has.No.Member("Certainty of Finding"));
        Assert.That(dataset.GetSequence(DicomTags.ConceptNameCodeSequence)!.Items[0].GetString(DicomTags.CodeMeaning), Is.EqualTo("Отчёт об измерениях"));
    }

    [Test]
    public void Any_finding_is_its_own_item()
    {
        var study = _studies.First(study => study.Result is AnalysedStudyResult);
        var document = WriteAndRead(study.Request);
        var expected = study.Analysed.AnyFinding;

        Assert.That(document.AnyFinding, Is.Not.Null);
        Assert.That(document.AnyFinding!.Code.Value, Is.EqualTo(expected.Definition.Code.Value));
        Assert.That(document.AnyFinding.IsPresent, Is.EqualTo(expected.IsPresent));
        Assert.That(document.AnyFinding.Value, Is.Null, "the node gives the any-finding item no probability");
        Assert.That(document.Findings.Select(finding => finding.Code.Value), Does.Not.Contain(expected.Definition.Code.Value));
        Assert.That(document.Findings, Has.Count.EqualTo(study.Analysed.Findings.Count));
    }

    [Test]
    public void Algorithm_identification_names_the_model()
    {
        var study = _studies[0];
        var document = WriteAndRead(study.Request);
        var model = study.Result.Model;

        Assert.That(document.AlgorithmName, Is.EqualTo(model.Name));
        Assert.That(document.AlgorithmVersion, Is.EqualTo(model.Version));
        Assert.That(document.AlgorithmParameters, Does.Contain(AlgorithmParameterText.OnnxSha256Prefix + model.OnnxSha256));
        Assert.That(document.AlgorithmParameters, Does.Contain(AlgorithmParameterText.SettingsSha256Prefix + ReferenceModel.SettingsSha256));
        Assert.That(model.OnnxSha256, Has.Length.EqualTo(64));
    }

    [Test]
    public void Not_analysed_sr_states_reasons_only()
    {
        var study = _studies[0];
        var reasons = new List<Node.Inference.Validation.NotAnalysedReason>
        {
            new(Node.Inference.Validation.NotAnalysedRule.PlausibleRange, "BodyFraction", "0.01", "a value from 0.05 to 0.95", study.Sources[0].SopInstanceUid),
        };
        var request = new ReportRequest(new NotAnalysedStudyResult(study.Result.StudyInstanceUid, study.Result.Model, reasons), study.Sources, ReferenceModel.SettingsSha256);

        var dataset = WriteToBytesAndRead(request);
        var document = SrReader.Read(dataset);

        Assert.That(document.IsAnalysed, Is.False);
        Assert.That(document.NotAnalysedReasons, Has.Count.EqualTo(1));
        Assert.That(document.NotAnalysedReasons[0], Does.Contain("BodyFraction").And.Contain("0.01"));
        Assert.That(document.Findings, Is.Empty);
        Assert.That(AllItems(dataset).Select(item => item.GetString(DicomTags.ValueType)), Does.Not.Contain("NUM"));
        Assert.That(document.AlgorithmName, Is.EqualTo(study.Result.Model.Name));
    }

    [Test]
    public void Evidence_lists_every_source_instance()
    {
        var study = _studies[1];
        var dataset = WriteToBytesAndRead(study.Request);

        var listed = dataset.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence)!.Items
            .SelectMany(studyItem => studyItem.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items.Select(series => (Study: studyItem.GetUid(DicomTags.StudyInstanceUID), Series: series)))
            .SelectMany(entry => entry.Series.GetSequence(DicomTags.ReferencedSOPSequence)!.Items.Select(sop =>
                (entry.Study, Series: entry.Series.GetUid(DicomTags.SeriesInstanceUID), Class: sop.GetUid(DicomTags.ReferencedSOPClassUID), Instance: sop.GetUid(DicomTags.ReferencedSOPInstanceUID))))
            .ToList();
        var expected = study.Sources.Select(source => ((string?)source.StudyInstanceUid, (string?)source.SeriesInstanceUid, (string?)source.SopClassUid, (string?)source.SopInstanceUid)).ToList();

        Assert.That(listed, Is.EquivalentTo(expected));
        var referenced = AllItems(dataset).Where(item => item.GetString(DicomTags.ValueType) == "IMAGE")
            .Select(item => item.GetSequence(DicomTags.ReferencedSOPSequence)!.Items[0].GetUid(DicomTags.ReferencedSOPInstanceUID));
        Assert.That(referenced.Distinct(), Is.SubsetOf(listed.Select(entry => entry.Instance)));
    }

    [Test]
    public void Root_identifies_template_1500()
    {
        var dataset = WriteToBytesAndRead(_studies[0].Request);
        var template = dataset.GetSequence(DicomTags.ContentTemplateSequence)!.Items[0];
        var concept = dataset.GetSequence(DicomTags.ConceptNameCodeSequence)!.Items[0];

        Assert.That(dataset.GetUid(DicomTags.SOPClassUID), Is.EqualTo("1.2.840.10008.5.1.4.1.1.88.33"));
        Assert.That(template.GetString(DicomTags.MappingResource), Is.EqualTo("DCMR"));
        Assert.That(template.GetString(DicomTags.TemplateIdentifier), Is.EqualTo("1500"));
        Assert.That(concept.GetString(DicomTags.CodeValue), Is.EqualTo("126000"));
        Assert.That(dataset.GetString(DicomTags.CompletionFlag), Is.EqualTo("COMPLETE"));
        Assert.That(dataset.GetString(DicomTags.VerificationFlag), Is.EqualTo("UNVERIFIED"));
        Assert.That(dataset.GetString(DicomTags.SpecificCharacterSet), Is.EqualTo("ISO_IR 192"));
        Assert.That(dataset.GetString(DicomTags.Modality), Is.EqualTo("SR"));
    }

    [Test]
    public void Series_and_instance_uids_are_new()
    {
        var study = _studies[0];
        var first = WriteToBytesAndRead(study.Request);
        var second = WriteToBytesAndRead(study.Request);

        Assert.That(first.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(study.Sources[0].StudyInstanceUid));
        Assert.That(first.GetUid(DicomTags.SeriesInstanceUID), Is.Not.EqualTo(study.Sources[0].SeriesInstanceUid));
        Assert.That(first.GetUid(DicomTags.SOPInstanceUID), Is.Not.EqualTo(second.GetUid(DicomTags.SOPInstanceUID)));
        Assert.That(Node.Dicom.Uids.DicomUid.IsValid(first.GetUid(DicomTags.SeriesInstanceUID)!), Is.True);
    }

    [Test]
    [Description("Reading by codes: the same items in another order read the same.")]
    public void Reader_ignores_item_order()
    {
        var dataset = WriteToBytesAndRead(_studies[0].Request);
        var expected = SrReader.Read(dataset);
        Reverse(dataset);

        var reversed = SrReader.Read(dataset);

        Assert.That(reversed.Findings.Select(finding => finding.Key), Is.EquivalentTo(expected.Findings.Select(finding => finding.Key)));
        foreach (var finding in expected.Findings)
        {
            Assert.That(reversed.FindingByKey(finding.Key)!.Probability, Is.EqualTo(finding.Probability));
            Assert.That(reversed.FindingByKey(finding.Key)!.IsPresent, Is.EqualTo(finding.IsPresent));
        }

        Assert.That(reversed.AnyFinding!.Code.Value, Is.EqualTo(expected.AnyFinding!.Code.Value));
    }

    [Test]
    public void Reader_rejects_an_image()
    {
        var image = _studies[0].Sources[0].Dataset;

        Assert.Throws<DicomFormatException>(() => SrReader.Read(image));
    }

    internal static SrDocument WriteAndRead(ReportRequest request) => SrReader.Read(WriteToBytesAndRead(request));

    internal static DicomDataset WriteToBytesAndRead(ReportRequest request) =>
        DicomFile.Read(SrValidationTests.Writer("en").Write(request).ToBytes()).Dataset;

    private static IEnumerable<DicomDataset> AllItems(DicomDataset dataset) =>
        dataset.OfType<DicomSequence>().SelectMany(sequence => sequence.Items).SelectMany(item => AllItems(item).Prepend(item));

    private static void Reverse(DicomDataset item)
    {
        if (item.GetSequence(DicomTags.ContentSequence) is not { } sequence)
        {
            return;
        }

        var children = sequence.Items.Reverse().ToList();
        item.SetSequence(DicomTags.ContentSequence, [.. children.Select(child => child.Clone())]);
        foreach (var child in item.GetSequence(DicomTags.ContentSequence)!.Items)
        {
            Reverse(child);
        }
    }
}
