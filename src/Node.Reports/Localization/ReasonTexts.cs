using Node.Inference.Validation;

namespace Node.Reports.Localization;

/// <summary>Turns a reason why a study was not analysed into a sentence in the report language.</summary>
/// <remarks>
/// NOTE: the attribute and the expected values come from the inference step in English (such as
/// "one of \"CT\""), so a Russian sentence quotes them as they are.
/// </remarks>
public static class ReasonTexts
{
    public static string Describe(NotAnalysedReason reason, ReportLanguage language)
    {
        var rule = ReportTexts.Get(RuleKey(reason.Rule), language);
        return (reason.Value, reason.SopInstanceUid) switch
        {
            ({ } value, { } instance) => ReportTexts.Format(TextKey.ReasonWithValue, language, rule, reason.Attribute, value, instance, reason.Expected),
            (null, { } instance) => ReportTexts.Format(TextKey.ReasonMissingValue, language, rule, reason.Attribute, instance, reason.Expected),
            ({ } value, null) => ReportTexts.Format(TextKey.ReasonWithValueForStudy, language, rule, reason.Attribute, value, reason.Expected),
            (null, null) => ReportTexts.Format(TextKey.ReasonMissingValueForStudy, language, rule, reason.Attribute, reason.Expected),
        };
    }

    /// <summary>Returns the text key naming a rule; a rule added to the enum without a text fails the localization test.</summary>
    public static TextKey RuleKey(NotAnalysedRule rule) => rule switch
    {
        NotAnalysedRule.Modality => TextKey.RuleModality,
        NotAnalysedRule.SopClass => TextKey.RuleSopClass,
        NotAnalysedRule.PhotometricInterpretation => TextKey.RulePhotometricInterpretation,
        NotAnalysedRule.Rows => TextKey.RuleRows,
        NotAnalysedRule.Columns => TextKey.RuleColumns,
        NotAnalysedRule.RequiredAttribute => TextKey.RuleRequiredAttribute,
        NotAnalysedRule.PixelData => TextKey.RulePixelData,
        NotAnalysedRule.VoiWindow => TextKey.RuleVoiWindow,
        NotAnalysedRule.PlausibleRange => TextKey.RulePlausibleRange,
        NotAnalysedRule.NoInstances => TextKey.RuleNoInstances,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "This rule has no report text; add one to ReportTexts."),
    };
}
