using Node.Dicom.Data;
using Node.Dicom.Tags;

namespace Node.Inference.Runtime;

/// <summary>The instances of one study, as the analyser receives them.</summary>
public sealed record StudyInput(string StudyInstanceUid, IReadOnlyList<DicomDataset> Instances)
{
    /// <summary>Groups instances by Study Instance UID, keeping the order in which each study first appears; instances without one form a study with an empty UID.</summary>
    public static IReadOnlyList<StudyInput> GroupByStudy(IEnumerable<DicomDataset> instances) =>
        [.. instances
            .GroupBy(dataset => dataset.GetUid(DicomTags.StudyInstanceUID) ?? string.Empty, StringComparer.Ordinal)
            .Select(group => new StudyInput(group.Key, [.. group]))];
}
