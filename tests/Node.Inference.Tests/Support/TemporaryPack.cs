using System.Text.Json.Nodes;
using Node.Inference.Packs;
using Node.Inference.Runtime;

namespace Node.Inference.Tests.Support;

/// <summary>A copy of the reference pack in a temporary folder, with its manifest edited; deleted on dispose.</summary>
internal sealed class TemporaryPack : IDisposable
{
    private TemporaryPack(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Copies the reference pack and applies <paramref name="edit"/> to its manifest's JSON tree.</summary>
    public static TemporaryPack Create(Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(ReferencePack.ManifestText())!.AsObject();
        edit(manifest);
        return CreateWithManifestText(manifest.ToJsonString());
    }

    public static TemporaryPack CreateWithManifestText(string manifestText)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ainode-pack-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(RepositoryPaths.ReferencePack, ModelPackLoader.ModelFileName), Path.Combine(directory, ModelPackLoader.ModelFileName));
        File.WriteAllText(Path.Combine(directory, ModelPackLoader.ManifestFileName), manifestText);
        return new TemporaryPack(directory);
    }

    public ModelPack Load(InferenceOptions? options = null) => new ModelPackLoader(options ?? ReferencePack.CpuOptions()).Load(Directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
