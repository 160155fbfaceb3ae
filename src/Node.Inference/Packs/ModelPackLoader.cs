using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Node.Inference.Runtime;

namespace Node.Inference.Packs;

/// <summary>
/// Loads a model pack folder: validates model.json, hashes model.onnx, creates its session and
/// checks that the ONNX model's input and output names, element types and shapes match the
/// manifest. Every fault found is reported together in one <see cref="ModelPackException"/>.
/// </summary>
public sealed class ModelPackLoader
{
    public const string ManifestFileName = "model.json";
    public const string ModelFileName = "model.onnx";

    private readonly InferenceOptions _options;
    private readonly ILogger _logger;

    public ModelPackLoader(InferenceOptions options, ILogger<ModelPackLoader>? logger = null)
    {
        options.ThrowIfInvalid();
        _options = options;
        _logger = logger ?? NullLogger<ModelPackLoader>.Instance;
    }

    /// <exception cref="ModelPackException">The folder, the manifest or the ONNX file is missing or invalid, or they disagree.</exception>
    public ModelPack Load(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFileName);
        var modelPath = Path.Combine(directory, ModelFileName);
        var missing = new List<ManifestError>();
        foreach (var (path, name) in new[] { (manifestPath, ManifestFileName), (modelPath, ModelFileName) })
        {
            if (!File.Exists(path))
            {
                missing.Add(new ManifestError(ManifestErrorKind.Missing, name, null, $"a file {name} in the pack folder"));
            }
        }

        if (missing.Count > 0)
        {
            throw new ModelPackException(directory, missing);
        }

        var manifest = ManifestReader.Read(File.ReadAllText(manifestPath), directory);
        var onnxBytes = File.ReadAllBytes(modelPath);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(onnxBytes));
        var session = CreateSession(directory, onnxBytes, manifest);

        var errors = OnnxSignatureCheck.Check(manifest, session.InputMetadata, session.OutputMetadata);
        if (errors.Count > 0)
        {
            session.Dispose();
            throw new ModelPackException(directory, errors);
        }

        return new ModelPack(Path.GetFullPath(directory), manifest, sha256, session);
    }

    private ModelSession CreateSession(string directory, byte[] onnxBytes, ModelManifest manifest)
    {
        try
        {
            return ModelSession.Create(onnxBytes, _options, _logger, manifest.Name, manifest.Version);
        }
        catch (OnnxRuntimeException exception)
        {
            var error = new ManifestError(ManifestErrorKind.Invalid, ModelFileName, $"({onnxBytes.Length} bytes)", "an ONNX model that ONNX Runtime loads: " + exception.Message);
            throw new ModelPackException(directory, [error], exception);
        }
    }
}
