namespace Node.Host.Ingest;

/// <summary>A received instance written and flushed to a temporary file, checked, and not yet in place.</summary>
/// <param name="TemporaryPath">The file in the staging folder.</param>
/// <param name="TargetPath">Where the file goes: InstancesRoot/StudyUID/SeriesUID/SOPInstanceUID.dcm, checked to lie under the root.</param>
/// <param name="RelativePath"><paramref name="TargetPath"/> relative to the instance store root, '/' separated.</param>
/// <param name="StudyInstanceUid">Study Instance UID (0020,000D) from the data set, validated.</param>
/// <param name="SeriesInstanceUid">Series Instance UID (0020,000E) from the data set, validated.</param>
/// <param name="SopInstanceUid">SOP Instance UID, equal in the command and the data set, validated.</param>
/// <param name="Length">File length in bytes, with the Part 10 header.</param>
public sealed record StagedInstance(
    string TemporaryPath,
    string TargetPath,
    string RelativePath,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    long Length);
