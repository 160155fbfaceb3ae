using Node.Inference.Results;

namespace Node.Reports.Tests.Support;

/// <summary>A study's result from the reference model with the instances it was computed from.</summary>
internal sealed record AnalysedStudy(StudyResult Result, IReadOnlyList<SourceInstance> Sources, IReadOnlyDictionary<string, bool> Labels)
{
    public ReportRequest Request => new(Result, Sources, ReferenceModel.SettingsSha256);

    public AnalysedStudyResult Analysed => (AnalysedStudyResult)Result;
}
