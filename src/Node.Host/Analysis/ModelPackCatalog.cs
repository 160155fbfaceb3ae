using Microsoft.Extensions.Logging;
using Node.Dicom.Data;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Runtime;
using Node.Inference.Validation;

namespace Node.Host.Analysis;

/// <summary>
/// The model packs the node runs, loaded once at start, and the routing of a study to one of them:
/// the pack whose input rules accept the most instances by modality and SOP class. A study no pack
/// accepts goes to the first pack, whose "not analysed" result then names the rules it broke.
/// </summary>
public sealed class ModelPackCatalog : IDisposable
{
    private readonly List<(ModelPack Pack, StudyAnalyzer Analyzer, InputRuleChecker Rules)> _packs = [];

    /// <exception cref="ModelPackException">A pack folder is missing or invalid; the message names the folder and every fault.</exception>
    public ModelPackCatalog(IReadOnlyList<string> folders, InferenceOptions options, ILoggerFactory loggerFactory)
    {
        var loader = new ModelPackLoader(options, loggerFactory.CreateLogger<ModelPackLoader>());
        try
        {
            foreach (var folder in folders)
            {
                var pack = loader.Load(folder);
                var analyzer = new StudyAnalyzer(pack, new DicomPixelDataDecoder(), options, loggerFactory.CreateLogger<StudyAnalyzer>());
                _packs.Add((pack, analyzer, new InputRuleChecker(pack.Manifest.Input)));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The loaded packs, in the configured order.</summary>
    public IReadOnlyList<ModelPack> Packs => [.. _packs.Select(entry => entry.Pack)];

    /// <summary>The analyser of the pack that fits the study best.</summary>
    public StudyAnalyzer Route(IReadOnlyList<DicomDataset> instances)
    {
        var best = _packs[0];
        var bestCount = 0;
        foreach (var entry in _packs)
        {
            // Modality and SOP class decide the route. Once routed, the other rules decide whether the study is analysed.
            var count = instances.Count(entry.Rules.IsOfAcceptedKind);
            if (count > bestCount)
            {
                best = entry;
                bestCount = count;
            }
        }

        return best.Analyzer;
    }

    /// <summary>The pack behind an analyser that <see cref="Route"/> returned.</summary>
    public ModelPack PackOf(StudyAnalyzer analyzer) => _packs.First(entry => ReferenceEquals(entry.Analyzer, analyzer)).Pack;

    public void Dispose()
    {
        foreach (var entry in _packs)
        {
            entry.Pack.Dispose();
        }

        _packs.Clear();
    }
}
