using System.Security.Cryptography;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Phantoms;
using Node.Inference.Runtime;

namespace Node.Reports.Tests.Support;

/// <summary>Runs the reference model pack (deploy/models/reference, on the CPU) over phantom studies and pydicom samples.</summary>
internal static class ReferenceModel
{
    /// <summary>A stand-in settings hash: the SHA-256 of the pack's model.json, which contains the thresholds.</summary>
    public static readonly string SettingsSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(RepositoryPaths.ReferencePack, ModelPackLoader.ManifestFileName))));

    private static readonly Lazy<ModelPack> SharedPack = new(() => new ModelPackLoader(new InferenceOptions { UseCuda = false }).Load(RepositoryPaths.ReferencePack));

    /// <summary>One pack shared by every test; never dispose it.</summary>
    public static ModelPack Pack => SharedPack.Value;

    /// <summary>Generates CT phantom studies, passes each instance through DICOM bytes, and analyses them.</summary>
    public static async Task<IReadOnlyList<AnalysedStudy>> AnalysePhantomsAsync(int studyCount, int seed)
    {
        var studies = new PhantomGenerator(PhantomModality.CT, seed).Generate(studyCount).ToList();
        var inputs = studies
            .Select(study => new StudyInput(study.StudyInstanceUid, [.. study.Instances.Select(RoundTrip)]))
            .ToList();
        var results = await Analyzer().AnalyzeAsync(inputs);
        return [.. results.Select((result, i) => new AnalysedStudy(result, [.. inputs[i].Instances.Select(instance => new SourceInstance(instance.Dataset, instance.TransferSyntax))], studies[i].Labels))];
    }

    /// <summary>Analyses DICOM files as one study each.</summary>
    public static async Task<AnalysedStudy> AnalyseFileAsync(string path)
    {
        var file = DicomFile.Open(path);
        var result = await Analyzer().AnalyzeAsync(new StudyInput(file.Dataset.GetUid(Node.Dicom.Tags.DicomTags.StudyInstanceUID) ?? string.Empty, [file.Dataset]));
        return new AnalysedStudy(result, [SourceInstance.FromFile(file)], new Dictionary<string, bool>());
    }

    private static StudyAnalyzer Analyzer() => new(Pack, new DicomPixelDataDecoder(), new InferenceOptions { UseCuda = false });

    private static DicomDataset RoundTrip(DicomDataset instance) => DicomFile.Read(new DicomFile(instance).ToBytes()).Dataset;
}
