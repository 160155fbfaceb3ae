using Node.Dicom.Data;
using Node.Dicom.Tags;

namespace Node.Inference.Runtime;

/// <summary>The instances of one study, as the analyser receives them.</summary>
public sealed record StudyInput(string StudyInstanceUid, IReadOnlyList<StudyInstance> Instances)
{
    /// <summary>Takes data sets built in memory or read without file meta information; see <see cref="StudyInstance.FromDataset"/>.</summary>
    public StudyInput(string studyInstanceUid, IReadOnlyList<DicomDataset> datasets)
        : this(studyInstanceUid, [.. datasets.Select(StudyInstance.FromDataset)])
    {
    }

    /// <summary>Groups instances by Study Instance UID, keeping the order in which each study first appears; instances without one form a study with an empty UID.</summary>
    public static IReadOnlyList<StudyInput> GroupByStudy(IEnumerable<StudyInstance> instances) =>
        [.. instances
            .GroupBy(instance => instance.Dataset.GetUid(DicomTags.StudyInstanceUID) ?? string.Empty, StringComparer.Ordinal)
            .Select(group => new StudyInput(group.Key, [.. group]))];

    /// <summary>Groups data sets built in memory or read without file meta information, as <see cref="GroupByStudy(IEnumerable{StudyInstance})"/> does.</summary>
    public static IReadOnlyList<StudyInput> GroupByStudy(IEnumerable<DicomDataset> datasets) =>
        GroupByStudy(datasets.Select(StudyInstance.FromDataset));
}
