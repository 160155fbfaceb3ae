using System.Text.Json;
using Node.Inference.Imaging;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Results;

public sealed class StudyResultJsonTests
{
    [Test]
    [Description("A probability is a type end to end: results.json must give back every double exactly.")]
    public async Task Probabilities_round_trip_exactly()
    {
        var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
        var result = (AnalysedStudyResult)await analyzer.AnalyzeAsync(PhantomSets.AsInputs(PhantomSets.Generate(1, 13))[0]);

        using var document = JsonDocument.Parse(StudyResultJson.Write(result));

        var findings = document.RootElement.GetProperty("Findings").EnumerateArray().ToList();
        Assert.That(document.RootElement.GetProperty("Status").GetString(), Is.EqualTo("Analysed"));
        Assert.That(document.RootElement.GetProperty("Model").GetProperty("OnnxSha256").GetString(), Is.EqualTo(ReferencePack.Shared.OnnxSha256));
        for (var i = 0; i < result.Findings.Count; i++)
        {
            Assert.That(findings[i].GetProperty("Id").GetString(), Is.EqualTo(result.Findings[i].Finding.Id));
            Assert.That(findings[i].GetProperty("Probability").GetDouble(), Is.EqualTo(result.Findings[i].Probability.Value), "exact, not within a tolerance");
            Assert.That(findings[i].GetProperty("MeetsDecisionThreshold").GetBoolean(), Is.EqualTo(result.Findings[i].MeetsDecisionThreshold));
        }

        Assert.That(document.RootElement.GetProperty("AnyFinding").GetProperty("Code").GetProperty("Value").GetString(), Is.EqualTo("AIN-ANY"));
    }

    [Test]
    public async Task Not_analysed_result_has_reasons_and_no_probabilities()
    {
        var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
        var result = await analyzer.AnalyzeAsync(new StudyInput("1.2.3", Array.Empty<StudyInstance>()));

        using var document = JsonDocument.Parse(StudyResultJson.Write(result));

        Assert.That(document.RootElement.GetProperty("Status").GetString(), Is.EqualTo("NotAnalysed"));
        Assert.That(document.RootElement.TryGetProperty("Findings", out _), Is.False);
        Assert.That(document.RootElement.GetProperty("NotAnalysedReasons")[0].GetProperty("Rule").GetString(), Is.EqualTo("NoInstances"));
    }
}
