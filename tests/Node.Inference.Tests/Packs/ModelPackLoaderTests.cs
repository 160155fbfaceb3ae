using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Node.Inference.Packs;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Packs;

public sealed class ModelPackLoaderTests
{
    [Test]
    public void Loader_records_onnx_sha256()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.ReferencePack, ModelPackLoader.ModelFileName));

        var pack = ReferencePack.Shared;

        Assert.That(pack.OnnxSha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        Assert.That(pack.Identity.OnnxSha256, Is.EqualTo(pack.OnnxSha256));
    }

    [Test]
    [Description("The manifest must describe the ONNX model it ships with: names, element types and shapes are checked against the session's metadata.")]
    public void Tensor_mismatches_are_reported_together()
    {
        using var pack = TemporaryPack.Create(manifest =>
        {
            manifest["Preprocessing"]!["InputTensor"]!["Name"] = "input";
            manifest["Outputs"]!["HeatmapTensor"]!["Shape"] = new JsonArray(-1, 3, 32, 32);
        });

        var exception = Assert.Throws<ModelPackException>(() => pack.Load());

        Assert.That(exception!.Errors.Select(error => error.Kind), Is.All.EqualTo(ManifestErrorKind.ModelMismatch));
        Assert.That(exception.Errors.Select(error => error.Path), Is.EquivalentTo(new[] { "$.Preprocessing.InputTensor.Name", "$.Outputs.HeatmapTensor.Shape" }));
        Assert.That(exception.Errors[0].Message, Is.EqualTo("$.Preprocessing.InputTensor.Name: value \"input\" does not match model.onnx; expected one of the model's inputs: \"image\"."));
        Assert.That(exception.Errors[1].Expected, Does.StartWith("[-1, 3, 64, 64]"));
    }

    [Test]
    public void Missing_files_are_reported()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ainode-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var exception = Assert.Throws<ModelPackException>(() => new ModelPackLoader(ReferencePack.CpuOptions()).Load(directory));

            Assert.That(exception!.Errors.Select(error => error.Path), Is.EqualTo(new[] { "model.json", "model.onnx" }));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Test]
    public void Invalid_onnx_file_is_reported()
    {
        using var pack = TemporaryPack.Create(_ => { });
        File.WriteAllText(Path.Combine(pack.Directory, ModelPackLoader.ModelFileName), "not a model");

        var exception = Assert.Throws<ModelPackException>(() => pack.Load());

        Assert.That(exception!.Errors.Single().Path, Is.EqualTo("model.onnx"));
    }
}
