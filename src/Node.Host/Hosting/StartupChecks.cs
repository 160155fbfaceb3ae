using System.Globalization;
using Microsoft.Extensions.Logging;
using Node.Host.Analysis;
using Node.Host.Configuration;
using Node.Inference.Packs;

namespace Node.Host.Hosting;

/// <summary>
/// The checks that settings alone cannot pass: the storage folders can be created and written, and
/// every model pack loads. Each problem becomes one message naming the key, as the settings
/// messages do.
/// </summary>
internal static class StartupChecks
{
    /// <summary>Adds a message where a folder the node writes to cannot be created or written.</summary>
    public static void CheckWritable(string key, string folder, List<string> errors)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ainode-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"{key}: the folder \"{folder}\" cannot be created or written ({exception.Message}); choose a folder the node's user may write.");
        }
    }

    /// <summary>Loads every model pack; null, with one message per pack that fails, where any fails.</summary>
    public static ModelPackCatalog? LoadModelPacks(NodeSettings settings, ILoggerFactory loggerFactory, List<string> errors)
    {
        var paths = settings.ModelPackPaths;
        for (var i = 0; i < paths.Count; i++)
        {
            if (!Directory.Exists(paths[i]))
            {
                var key = settings.Inference.ModelPacks.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"Inference:ModelPacks:{i}") : "Inference:ModelPacks (default)";
                errors.Add($"{key} = \"{paths[i]}\": no such folder; expected a model pack folder holding {ModelPackLoader.ManifestFileName} and {ModelPackLoader.ModelFileName}.");
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return new ModelPackCatalog(paths, settings.Inference, loggerFactory);
        }
        catch (ModelPackException exception)
        {
            errors.Add($"Inference:ModelPacks: {exception.Message}");
            return null;
        }
    }
}
