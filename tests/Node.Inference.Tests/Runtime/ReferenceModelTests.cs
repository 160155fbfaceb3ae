using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Node.Inference.Runtime;
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

        var findingCount = manifest.Findings.Count;
        var probabilities = new OutputBinding(manifest.Outputs.ProbabilityTensor.Name, [1, findingCount], new float[findingCount]);
        var heatmaps = new OutputBinding(manifest.Outputs.HeatmapTensor!.Name, [1, findingCount, 64, 64], new float[findingCount * 64 * 64]);

        pack.Session.Run(manifest.Preprocessing.InputTensor.Name, [1, CheckImages.Size, CheckImages.Size], CheckImages.Build(variant), 1, [probabilities, heatmaps]);

        foreach (var finding in manifest.Findings)
        {
            var probability = probabilities.Values[finding.OutputIndex];
            Assert.That(probability, Is.EqualTo(expected.Probabilities[finding.Id]).Within(Tolerance), $"probability of {finding.Id}");
            var cells = heatmaps.Values.Length / findingCount;
            var heatmapMean = heatmaps.Values.AsSpan(finding.OutputIndex * cells, cells).ToArray().Average(value => (double)value);
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

    [Test]
    [Description("An output array of the wrong size is refused by ONNX Runtime before anything is written past it.")]
    public void Output_binding_of_wrong_shape_fails()
    {
        var manifest = ReferencePack.Shared.Manifest;
        var findingCount = manifest.Findings.Count;
        var probabilities = new OutputBinding(manifest.Outputs.ProbabilityTensor.Name, [1, findingCount + 1], new float[findingCount + 1]);

        Assert.That(
            () => ReferencePack.Shared.Session.Run(manifest.Preprocessing.InputTensor.Name, [1, CheckImages.Size, CheckImages.Size], CheckImages.Build("all"), 1, [probabilities]),
            Throws.TypeOf<OnnxRuntimeException>());
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
