using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Node.Inference.Packs;
using Node.Inference.Runtime;
using Node.Reports;

namespace Node.Host.Analysis;

/// <summary>
/// The SHA-256 the SR records as the hash of the effective settings (contract 8): the inference
/// and reporting settings that shape a result, and the pack's manifest and ONNX hash, as canonical
/// JSON. Two results with the same fingerprint came from the same configuration.
/// </summary>
public static class SettingsFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the settings that produced a result of <paramref name="pack"/>.</summary>
    public static string Compute(ModelPack pack, InferenceOptions inference, ReportOptions reporting)
    {
        var manifestPath = Path.Combine(pack.Directory, ModelPackLoader.ManifestFileName);
        var document = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["inference.batchSize"] = inference.BatchSize,
            ["inference.includeHeatmaps"] = inference.IncludeHeatmaps,
            ["pack.manifestSha256"] = File.Exists(manifestPath) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifestPath))) : null,
            ["pack.name"] = pack.Identity.Name,
            ["pack.onnxSha256"] = pack.OnnxSha256,
            ["pack.version"] = pack.Identity.Version,
            ["reporting.language"] = reporting.Language,
            ["reporting.maxKeyImages"] = reporting.MaxKeyImages,
            ["reporting.overlayMaxOpacity"] = reporting.OverlayMaxOpacity,
            ["reporting.overlayMinHeatmapValue"] = reporting.OverlayMinHeatmapValue,
        };
        var json = JsonSerializer.Serialize(document);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
