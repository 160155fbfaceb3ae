using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Runtime;

[Description("The committed reference model is what build.py produces: a rebuild must be byte-identical, so no one can change the model by hand or by accident.")]
public sealed class ReferenceModelBuildTests
{
    [Test]
    public void Rebuild_is_byte_identical_to_committed_files()
    {
        var python = Peers.RequirePath("/usr/bin/python3", "python3");
        var (onnxCheck, _, _) = ProgramRun.Run(python, "-c", "import onnx, numpy");
        if (onnxCheck != 0)
        {
            Peers.RequirePath("/usr/lib/python3/dist-packages/onnx", "python3-onnx python3-numpy");
        }

        var folder = Path.Combine(Path.GetTempPath(), "ainode-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var model = Path.Combine(folder, "model.onnx");
            var check = Path.Combine(folder, "check-outputs.json");

            ProgramRun.RunChecked(python, RepositoryPaths.ReferenceModelTool, "--model-out", model, "--check-out", check);

            Assert.That(File.ReadAllBytes(model), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryPaths.ReferencePack, "model.onnx"))), "model.onnx differs from a rebuild; run tools/reference-model/build.py and commit its output");
            Assert.That(File.ReadAllBytes(check), Is.EqualTo(File.ReadAllBytes(RepositoryPaths.CheckOutputs)), "check-outputs.json differs from a rebuild");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
