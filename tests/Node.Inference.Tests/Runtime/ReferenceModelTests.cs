using System.Text.Json;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Runtime;

[Description("ONNX Runtime's outputs for the reference model match the NumPy forward pass that build.py wrote, an implementation that shares no code with ONNX Runtime.")]
public sealed class ReferenceModelTests
{
    private const double Tolerance = 1e-4;

    [TestCaseSource(typeof(CheckImages), nameof(CheckImages.Variants))]
    public void Session_matches_numpy_forward_pass(string variant)
    {
        var pack = ReferencePack.Shared;
        var expected = ReadExpected(variant);
        var manifest = pack.Manifest;

        var outputs = pack.Session.Run(manifest.Preprocessing.InputTensor.Name, [1, CheckImages.Size, CheckImages.Size], CheckImages.Build(variant), 1, [manifest.Outputs.ProbabilityTensor.Name, manifest.Outputs.HeatmapTensor!.Name]);

        foreach (var finding in manifest.Findings)
        {
            var probability = outputs[0][finding.OutputIndex];
            Assert.That(probability, Is.EqualTo(expected.Probabilities[finding.Id]).Within(Tolerance), $"probability of {finding.Id}");
            var cells = outputs[1].Length / manifest.Findings.Count;
            var heatmapMean = outputs[1].AsSpan(finding.OutputIndex * cells, cells).ToArray().Average(value => (double)value);
            Assert.That(heatmapMean, Is.EqualTo(expected.HeatmapMeans[finding.Id]).Within(Tolerance), $"heatmap mean of {finding.Id}");
        }
    }

    [Test]
    public void Findings_differ_on_one_image()
    {
        var expected = ReadExpected("all").Probabilities.Values.ToList();

        Assert.That(expected.Distinct().Count(), Is.EqualTo(3));
        Assert.That(expected.Max() - expected.Min(), Is.GreaterThan(0.05), "the three probabilities should differ clearly");
    }

    private static CheckOutput ReadExpected(string variant)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.CheckOutputs));
        var output = document.RootElement.GetProperty("Outputs").GetProperty(variant);
        return new CheckOutput(ReadMap(output.GetProperty("Probabilities")), ReadMap(output.GetProperty("HeatmapMeans")));
    }

    private static Dictionary<string, double> ReadMap(JsonElement element) =>
        element.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetDouble());

    private sealed record CheckOutput(Dictionary<string, double> Probabilities, Dictionary<string, double> HeatmapMeans);
}
