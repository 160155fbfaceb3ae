using System.Globalization;
using Node.Inference.Results;

namespace Node.Reports.Localization;

/// <summary>Number formats for text people read: a percent with one decimal, with the decimal separator of the report language.</summary>
public static class DisplayFormat
{
    /// <summary>The decimal comma of Russian text; built here because the node runs with invariant globalization.</summary>
    private static readonly NumberFormatInfo RussianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0" };

    public static IFormatProvider Numbers(ReportLanguage language) =>
        language == ReportLanguage.Russian ? RussianNumbers : NumberFormatInfo.InvariantInfo;

    /// <summary>Formats a probability as "12.3 %" (English) or "12,3 %" (Russian); never parse it back.</summary>
    public static string Percent(Probability probability, ReportLanguage language) =>
        probability.FormatAsPercentForDisplay(Numbers(language));

    public static string Decision(bool present, ReportLanguage language) =>
        ReportTexts.Get(present ? TextKey.Present : TextKey.Absent, language);
}
