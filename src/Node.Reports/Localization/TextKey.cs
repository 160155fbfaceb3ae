namespace Node.Reports.Localization;

/// <summary>Every text that people read in the SR and SC, looked up in <see cref="ReportTexts"/>.</summary>
public enum TextKey
{
    SrSeriesDescription,
    ScSeriesDescription,
    NotForDiagnosticUse,

    /// <summary>{0} node name, {1} model pack name, {2} model pack version.</summary>
    MadeByNodeWithModel,
    SummaryTitle,
    KeyImageTitle,

    /// <summary>{0} finding names whose heatmaps are drawn.</summary>
    OverlayOf,
    NoOverlay,
    StudyResultsHeading,
    ColumnFinding,
    ColumnProbability,
    ColumnDecisionThreshold,
    ColumnDecision,
    Present,
    Absent,
    Undetermined,
    NotAnalysedTitle,

    /// <summary>{0} rule, {1} attribute, {2} value found, {3} instance, {4} expected.</summary>
    ReasonWithValue,

    /// <summary>{0} rule, {1} attribute, {2} instance, {3} expected.</summary>
    ReasonMissingValue,

    /// <summary>{0} rule, {1} attribute, {2} value found, {3} expected; a rule about the whole study.</summary>
    ReasonWithValueForStudy,

    /// <summary>{0} rule, {1} attribute, {2} expected; a rule about the whole study.</summary>
    ReasonMissingValueForStudy,
    RuleModality,
    RuleSopClass,
    RulePhotometricInterpretation,
    RuleRows,
    RuleColumns,
    RuleRequiredAttribute,
    RulePixelData,
    RuleVoiWindow,
    RulePlausibleRange,
    RuleNoInstances,
}
