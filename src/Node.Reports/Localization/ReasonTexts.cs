using Node.Inference.Validation;

namespace Node.Reports.Localization;

/// <summary>Turns a reason why a study was not analysed into a sentence in the report language.</summary>
/// <remarks>
/// The attribute keeps its DICOM name. The expected values come from the inference step in
/// English. The usual forms ("one of", "an integer from … to …") are put into Russian, and a
/// form not listed here is quoted as it is.
/// </remarks>
public static class ReasonTexts
{
    public static string Describe(NotAnalysedReason reason, ReportLanguage language)
    {
        var rule = ReportTexts.Get(RuleKey(reason.Rule), language);
        var expected = language == ReportLanguage.Russian ? ExpectedInRussian(reason.Expected) : reason.Expected;
        return (reason.Value, reason.SopInstanceUid) switch
        {
            ({ } value, { } instance) => ReportTexts.Format(TextKey.ReasonWithValue, language, rule, reason.Attribute, value, instance, expected),
            (null, { } instance) => ReportTexts.Format(TextKey.ReasonMissingValue, language, rule, reason.Attribute, instance, expected),
            ({ } value, null) => ReportTexts.Format(TextKey.ReasonWithValueForStudy, language, rule, reason.Attribute, value, expected),
            (null, null) => ReportTexts.Format(TextKey.ReasonMissingValueForStudy, language, rule, reason.Attribute, expected),
        };
    }

    /// <summary>Puts the expected-value forms the input and plausibility checks write into Russian; other text stays as it is.</summary>
    public static string ExpectedInRussian(string expected) => expected switch
    {
        "a non-empty value" => "непустое значение",
        "at least one instance" => "хотя бы один экземпляр",
        "functional groups that can be read: one item in the Shared Functional Groups Sequence and one Per-frame Functional Groups item for each frame" =>
            "читаемые функциональные группы: один элемент в Shared Functional Groups Sequence и по одному элементу Per-frame Functional Groups на каждый кадр",
        _ when expected.StartsWith("one of ", StringComparison.Ordinal) => "одно из: " + expected["one of ".Length..],
        _ when expected.StartsWith("an integer from ", StringComparison.Ordinal) => "целое число от " + RangeInRussian(expected["an integer from ".Length..]),
        _ when expected.StartsWith("a value from ", StringComparison.Ordinal) => "значение от " + RangeInRussian(expected["a value from ".Length..]),
        _ => expected,
    };

    private static string RangeInRussian(string range) => range.Replace(" to ", " до ", StringComparison.Ordinal);

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
