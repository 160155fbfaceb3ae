using Node.Inference.Packs;
using Node.Inference.Runtime;

namespace Node.Inference.Tests.Support;

/// <summary>Loads the reference model pack from deploy/models/reference on the CPU.</summary>
internal static class ReferencePack
{
    private static readonly Lazy<ModelPack> SharedPack = new(() => Load());

    /// <summary>One pack shared by the tests that only read from it; never dispose it.</summary>
    public static ModelPack Shared => SharedPack.Value;

    public static InferenceOptions CpuOptions() => new() { UseCuda = false };

    public static ModelPack Load(InferenceOptions? options = null) =>
        new ModelPackLoader(options ?? CpuOptions()).Load(RepositoryPaths.ReferencePack);

    public static string ManifestText() => File.ReadAllText(Path.Combine(RepositoryPaths.ReferencePack, ModelPackLoader.ManifestFileName));
}
