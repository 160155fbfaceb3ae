using Node.Dicom.Imaging;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.EndToEnd.Tests.NodeService;
using Node.EndToEnd.Tests.Orthanc;
using Node.EndToEnd.Tests.Studies;
using Node.Host.Jobs;
using Node.Reports.Sr;

namespace Node.EndToEnd.Tests;

/// <summary>
/// The node between a sender and Orthanc as the PACS that receives its reports, as a hospital
/// runs it. Once per fixture, the derived fixture's sender sends real samples and phantom studies
/// to the node, a separate process. The node analyses them with the reference model pack and
/// delivers its SR and SC to Orthanc. The tests then read back what Orthanc stores through its
/// REST API. The expected probabilities come from <c>ainode analyze</c> on the same files, which runs
/// the model without the network, the job store or the SR writer in between.
/// </summary>
public abstract class PacsRoundTripFixture
{
    public const string ComprehensiveSrSopClassUid = "1.2.840.10008.5.1.4.1.1.88.33";

    /// <summary>Secondary Capture Image Storage and its multi-frame variants share this root.</summary>
    public const string SecondaryCaptureSopClassRoot = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>The modality the reference model pack accepts (deploy/models/reference/model.json, Input.Modalities).</summary>
    private const string AcceptedModality = "CT";

    /// <summary>The first eight bytes of every PNG file (ISO/IEC 15948, 5.2).</summary>
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private string? _root;
    private OrthancServer? _orthanc;
    private NodeProcess? _node;

    /// <summary>The studies sent to the node.</summary>
    private IReadOnlyList<SourceStudy> _studies = [];

    /// <summary>What Orthanc stores for each source study, by Study Instance UID.</summary>
    private Dictionary<string, ReceivedStudy> _received = new(StringComparer.Ordinal);

    /// <summary>The node's jobs of each source study once they ended, by Study Instance UID.</summary>
    private IReadOnlyDictionary<string, IReadOnlyList<Job>> _jobs = new Dictionary<string, IReadOnlyList<Job>>();

    /// <summary>Orthanc's own id of each study it held before the node's reports came, by Study Instance UID; empty where the sources never went through Orthanc.</summary>
    protected Dictionary<string, string> UploadedStudyIds { get; } = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task RunRoundTripAsync()
    {
        _root = Directory.CreateTempSubdirectory("ainode-end-to-end-").FullName;
        _studies = StudySet.Build(Path.Combine(_root, "input"));

        var nodePort = LoopbackPorts.FindFree();
        _orthanc = await OrthancServer.StartAsync(Directory.CreateDirectory(Path.Combine(_root, "orthanc")).FullName, nodePort);
        _node = await NodeProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_root, "node")).FullName, NodeProcess.TestSettings(nodePort, _orthanc.DicomPort, OrthancServer.AeTitle));

        await SendAsync(_orthanc, _node, _studies);

        _jobs = await _node.WaitForStudiesEndedAsync([.. _studies.Select(study => study.StudyInstanceUid)]);
        foreach (var study in _studies)
        {
            _received[study.StudyInstanceUid] = await ReadReceivedAsync(_orthanc, study);
        }
    }

    [OneTimeTearDown]
    public void StopAndClean()
    {
        _node?.Dispose();
        _orthanc?.Dispose();
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    [Description("Orthanc files an instance under the study of its Patient ID and Study Instance UID, so reports with another patient would form a study of their own.")]
    public void Reports_arrive_in_source_study_and_patient()
    {
        foreach (var study in _studies)
        {
            var received = _received[study.StudyInstanceUid];
            Assert.That(received.Study, Is.Not.Null, $"{study.Name}: Orthanc stores no study {study.StudyInstanceUid}");
            Assert.That(received.Study!.PatientId, Is.EqualTo(study.PatientId), study.Name);
            Assert.That(received.StructuredReports, Is.Not.Empty, $"{study.Name}: no SR arrived");
            foreach (var report in received.StructuredReports.Concat(received.SecondaryCaptures))
            {
                Assert.That(report.File.Dataset.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(study.StudyInstanceUid), study.Name);
                Assert.That(report.File.Dataset.GetString(DicomTags.PatientID), Is.EqualTo(study.PatientId), study.Name);
            }

            if (UploadedStudyIds.TryGetValue(study.StudyInstanceUid, out var uploaded))
            {
                Assert.That(received.Study.Id, Is.EqualTo(uploaded), $"{study.Name}: the reports joined the study that Orthanc sent");
            }
        }
    }

    [Test]
    [Description("Contract 1: the probability in the SR is the model's raw output, not rounded, scaled or replaced by a decision.")]
    public void Sr_probabilities_equal_raw_model_output()
    {
        foreach (var study in AnalysedStudies())
        {
            var document = ReadSr(study);
            foreach (var (id, probability) in study.Expected.Probabilities)
            {
                Assert.That(document.FindingByKey(id)?.Probability, Is.EqualTo(probability).Within(1e-6), $"{study.Name}: {id}");
            }
        }
    }

    [Test]
    [Description("Contract 2: every finding is its own measurement group with its own probability, never one value shared by all.")]
    public void Each_finding_has_own_value()
    {
        foreach (var study in AnalysedStudies())
        {
            var document = ReadSr(study);
            Assert.That(document.Findings.Select(finding => finding.Key), Is.EquivalentTo(study.Expected.Probabilities.Keys), study.Name);
            Assert.That(document.Findings.Select(finding => finding.Code.Value), Is.Unique, study.Name);
            Assert.That(document.Findings.Select(finding => finding.Probability), Has.None.Null, study.Name);
        }
    }

    [Test]
    public void Any_finding_item_is_separate()
    {
        foreach (var study in AnalysedStudies())
        {
            var document = ReadSr(study);
            Assert.That(document.AnyFinding, Is.Not.Null, study.Name);
            Assert.That(document.Findings.Select(finding => finding.Code.Value), Has.No.Member(document.AnyFinding!.Code.Value), study.Name);
            Assert.That(document.AnyFinding.IsPresent, Is.Not.Null, study.Name);
        }
    }

    [Test]
    public async Task Sc_images_decode_and_preview()
    {
        foreach (var study in AnalysedStudies())
        {
            var captures = _received[study.StudyInstanceUid].SecondaryCaptures;
            Assert.That(captures, Is.Not.Empty, $"{study.Name}: no SC arrived");
            foreach (var capture in captures)
            {
                AssertDecodes(capture.File, study.Name);
                var preview = await _orthanc!.GetPreviewAsync(capture.InstanceId);
                Assert.That(preview.Take(PngSignature.Length), Is.EqualTo(PngSignature), $"{study.Name}: Orthanc's preview of {capture.InstanceId} is a PNG");
            }
        }
    }

    [Test]
    [Description("The reference pack accepts CT only; the MR samples get an SR that says why they were not analysed, and no findings.")]
    public void Rejected_study_gets_not_analysed_sr()
    {
        var rejected = _studies.Where(study => study.Modality != AcceptedModality).ToList();
        Assert.That(rejected, Is.Not.Empty, "the input contains no study the pack rejects, so the test proves nothing");
        foreach (var study in rejected)
        {
            Assert.That(study.Expected.IsAnalysed, Is.False, $"{study.Name}: ainode analyze accepted a {study.Modality} study");
            Assert.That(_jobs[study.StudyInstanceUid].Select(job => job.State), Is.All.EqualTo(JobState.NotAnalysed), study.Name);

            var document = ReadSr(study);
            Assert.That(document.IsAnalysed, Is.False, study.Name);
            Assert.That(document.Findings, Is.Empty, study.Name);
            Assert.That(document.NotAnalysedReasons, Has.Some.Contains(study.Modality), $"{study.Name}: a reason names the modality {study.Modality}");
        }
    }

    [Test]
    [Description("Delivery is at least once on the wire; the node must not turn a retry into a second report.")]
    public void Nothing_arrives_twice()
    {
        foreach (var study in _studies)
        {
            var received = _received[study.StudyInstanceUid];
            Assert.That(_jobs[study.StudyInstanceUid], Has.Count.EqualTo(1), $"{study.Name}: one job");
            Assert.That(received.StructuredReports, Has.Count.EqualTo(1), $"{study.Name}: one SR");
            var uids = received.StructuredReports.Concat(received.SecondaryCaptures).Select(report => report.File.Dataset.GetUid(DicomTags.SOPInstanceUID));
            Assert.That(uids, Is.Unique, study.Name);
        }
    }

    /// <summary>Sends every study to the node at 127.0.0.1:<see cref="NodeProcess.Port"/>, as the derived fixture's sender does.</summary>
    private protected abstract Task SendAsync(OrthancServer orthanc, NodeProcess node, IReadOnlyList<SourceStudy> studies);

    /// <summary>The studies the pack accepted; fails where there is none, since the test would prove nothing.</summary>
    private List<SourceStudy> AnalysedStudies()
    {
        var analysed = _studies.Where(study => study.Modality == AcceptedModality).ToList();
        Assert.That(analysed, Is.Not.Empty, "the input contains no study the pack accepts, so the test proves nothing");
        foreach (var study in analysed)
        {
            Assert.That(study.Expected.IsAnalysed, Is.True, $"{study.Name}: ainode analyze did not accept it: {string.Join(", ", study.Expected.NotAnalysedRules)}");
        }

        return analysed;
    }

    /// <summary>Reads the study's one SR as Orthanc stores it.</summary>
    private SrDocument ReadSr(SourceStudy study)
    {
        var reports = _received[study.StudyInstanceUid].StructuredReports;
        Assert.That(reports, Has.Count.EqualTo(1), $"{study.Name}: SR instances in Orthanc");
        return SrReader.Read(reports[0].File.Dataset);
    }

    /// <summary>Decodes the first frame with our own pixel data reader and checks it is the size the header states and not blank.</summary>
    private static void AssertDecodes(DicomFile file, string name)
    {
        var pixels = DicomPixelData.Create(file.Dataset, file.TransferSyntax);
        var samples = pixels.SamplesPerPixel == 3 ? pixels.GetRgbFrame(0) : pixels.GetFrame<byte>(0);
        Assert.That(samples, Has.Length.EqualTo(pixels.Rows * pixels.Columns * pixels.SamplesPerPixel), name);
        Assert.That(samples.Distinct().Count(), Is.GreaterThan(1), $"{name}: the SC is one flat colour");
    }

    /// <summary>Finds the study in Orthanc and downloads every instance of the series that are not the source's, split by SOP class.</summary>
    private static async Task<ReceivedStudy> ReadReceivedAsync(OrthancServer orthanc, SourceStudy study)
    {
        var found = await orthanc.FindStudyAsync(study.StudyInstanceUid);
        if (found is null)
        {
            return new ReceivedStudy(null, [], []);
        }

        var reports = new List<ReceivedReport>();
        foreach (var series in (await orthanc.GetSeriesAsync(found.Id)).Where(series => !study.SeriesInstanceUids.Contains(series.SeriesInstanceUid)))
        {
            foreach (var instance in series.InstanceIds)
            {
                reports.Add(new ReceivedReport(instance, DicomFile.Read(await orthanc.GetInstanceFileAsync(instance))));
            }
        }

        return new ReceivedStudy(
            found,
            [.. reports.Where(report => SopClass(report) == ComprehensiveSrSopClassUid)],
            [.. reports.Where(report => SopClass(report).StartsWith(SecondaryCaptureSopClassRoot, StringComparison.Ordinal))]);
    }

    private static string SopClass(ReceivedReport report) => report.File.Dataset.GetUid(DicomTags.SOPClassUID) ?? string.Empty;
}
