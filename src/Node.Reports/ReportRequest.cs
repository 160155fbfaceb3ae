using Node.Inference.Results;

namespace Node.Reports;

/// <summary>What the report writers need for one study.</summary>
/// <param name="Result">The model's result for the study, analysed or not.</param>
/// <param name="Sources">Every instance of the study that the result covers; at least one, since the reports copy its patient and study attributes.</param>
/// <param name="SettingsSha256">
/// SHA-256 (lower-case hex) of the effective settings that produced the result, written into the
/// SR next to the ONNX file's SHA-256 so that a result can be traced to its configuration.
/// </param>
/// <param name="Predecessors">
/// Earlier SRs of the same study that this report supersedes (a re-analysis after late
/// instances); the SR names them in its Predecessor Documents Sequence. Null or empty for a first report.
/// </param>
public sealed record ReportRequest(StudyResult Result, IReadOnlyList<SourceInstance> Sources, string SettingsSha256, IReadOnlyList<SourceInstance>? Predecessors = null)
{
    /// <exception cref="ArgumentException">There are no source instances, or one lacks a SOP Class or SOP Instance UID.</exception>
    internal void ThrowIfInvalid()
    {
        if (Sources.Count == 0)
        {
            throw new ArgumentException($"Study {Result.StudyInstanceUid}: a report needs at least one source instance to copy the patient and study from.", nameof(Sources));
        }

        var incomplete = Sources.FirstOrDefault(source => source.SopClassUid.Length == 0 || source.SopInstanceUid.Length == 0 || source.SeriesInstanceUid.Length == 0 || source.StudyInstanceUid.Length == 0);
        if (incomplete is not null)
        {
            throw new ArgumentException($"Study {Result.StudyInstanceUid}: a source instance lacks its SOP Class, SOP Instance, Series Instance or Study Instance UID, so the report cannot reference it.", nameof(Sources));
        }
    }
}
