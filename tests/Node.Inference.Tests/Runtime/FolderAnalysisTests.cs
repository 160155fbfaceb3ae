using Node.Inference.Imaging;
using Node.Inference.Phantoms;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Runtime;

public sealed class FolderAnalysisTests
{
    [Test]
    [Description("synth then analyze, as the CLI does: one results.json per study, and labels.csv skipped as not DICOM.")]
    public async Task Folder_of_phantoms_gives_results_per_study()
    {
        var root = Path.Combine(Path.GetTempPath(), "ainode-folder-" + Guid.NewGuid().ToString("N"));
        try
        {
            var studies = new PhantomGenerator(PhantomModality.CT, 17).Generate(2).ToList();
            PhantomWriter.Write(Path.Combine(root, "in"), studies);
            var logger = new CapturingLogger<StudyAnalyzer>();
            var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());

            var summary = await FolderAnalysis.RunAsync(Path.Combine(root, "in"), Path.Combine(root, "out"), analyzer, logger);

            Assert.That(summary, Is.EqualTo(new FolderAnalysisSummary(6, 1, 2, 0)));
            Assert.That(logger.Entries.Count(entry => entry.EventId.Id == 3020), Is.EqualTo(1), "labels.csv skipped with a warning");
            foreach (var study in studies)
            {
                Assert.That(File.Exists(Path.Combine(root, "out", study.StudyInstanceUid, StudyResultJson.FileName)), Is.True, study.StudyInstanceUid);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Missing_input_path_throws()
    {
        var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());

        Assert.ThrowsAsync<FileNotFoundException>(() => FolderAnalysis.RunAsync("/nonexistent/ainode", Path.GetTempPath(), analyzer, new CapturingLogger<StudyAnalyzer>()));
    }
}
