using Node.Inference.Results;
using Node.Inference.Runtime;

namespace Node.Inference.Packs;

/// <summary>A loaded model pack: its validated manifest, the ONNX file's SHA-256 and the session that runs it.</summary>
public sealed class ModelPack : IDisposable
{
    internal ModelPack(string directory, ModelManifest manifest, string onnxSha256, ModelSession session)
    {
        Directory = directory;
        Manifest = manifest;
        OnnxSha256 = onnxSha256;
        Session = session;
        Identity = new ModelPackIdentity(manifest.Name, manifest.Version, onnxSha256);
    }

    /// <summary>The pack's folder, holding model.json and model.onnx.</summary>
    public string Directory { get; }

    public ModelManifest Manifest { get; }

    /// <summary>SHA-256 of model.onnx as loaded, lower-case hex.</summary>
    public string OnnxSha256 { get; }

    public ModelPackIdentity Identity { get; }

    /// <summary>The one session of this pack, reused for every run.</summary>
    public ModelSession Session { get; }

    public void Dispose() => Session.Dispose();
}
