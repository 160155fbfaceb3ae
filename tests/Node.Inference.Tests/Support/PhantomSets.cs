using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Inference.Phantoms;
using Node.Inference.Runtime;

namespace Node.Inference.Tests.Support;

/// <summary>Phantom studies for tests, passed through DICOM bytes so that the reader is on the path too.</summary>
internal static class PhantomSets
{
    public const int MetricSeed = 20240601;
    public const int MetricStudyCount = 200;

    public static IReadOnlyList<PhantomStudy> Generate(int studyCount, int seed, PhantomModality modality = PhantomModality.CT) =>
        [.. new PhantomGenerator(modality, seed).Generate(studyCount)];

    /// <summary>Returns the studies as the analyser takes them, each instance written to bytes and read back; <paramref name="alter"/> may change each instance first.</summary>
    public static IReadOnlyList<StudyInput> AsInputs(IEnumerable<PhantomStudy> studies, Action<DicomDataset>? alter = null) =>
        [.. studies.Select(study => new StudyInput(study.StudyInstanceUid, [.. study.Instances.Select(instance => RoundTrip(instance, alter))]))];

    private static DicomDataset RoundTrip(DicomDataset instance, Action<DicomDataset>? alter)
    {
        var copy = instance.Clone();
        alter?.Invoke(copy);
        return DicomFile.Read(new DicomFile(copy).ToBytes()).Dataset;
    }
}
