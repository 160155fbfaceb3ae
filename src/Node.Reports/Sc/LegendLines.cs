using Node.Inference.Results;
using Node.Reports.Composition;
using Node.Reports.Localization;

namespace Node.Reports.Sc;

/// <summary>The text lines that every SC image carries: each finding with its probability and decision, and the node's footer.</summary>
internal static class LegendLines
{
    /// <summary>One line per finding, in manifest order, with its colour, study probability as a percent and decision; then the "any finding" line.</summary>
    public static IEnumerable<TextLine> Findings(AnalysedStudyResult result, ReportLanguage language)
    {
        yield return new TextLine(ReportTexts.Get(TextKey.StudyResultsHeading, language), TextBand.Foreground);
        for (var i = 0; i < result.Findings.Count; i++)
        {
            var finding = result.Findings[i];
            var text = $"{finding.Finding.DisplayNames.For(language.ToCode())}: {DisplayFormat.Percent(finding.Probability, language)}, {DisplayFormat.Decision(finding.MeetsDecisionThreshold, language)}";
            yield return new TextLine(text, TextBand.Foreground, Bold: finding.MeetsDecisionThreshold, Swatch: FindingColors.For(i));
        }

        var anyFinding = result.AnyFinding;
        yield return new TextLine($"{anyFinding.Definition.DisplayNames.For(language.ToCode())}: {DisplayFormat.Decision(anyFinding.IsPresent, language)}", TextBand.Foreground, Bold: true);
    }

    /// <summary>Who made the image, with which model, and the caution that it needs a physician's review.</summary>
    public static IEnumerable<TextLine> Footer(ReportOptions options, ModelPackIdentity model, ReportLanguage language)
    {
        yield return new TextLine(ReportTexts.Format(TextKey.MadeByNodeWithModel, language, options.DeviceObserverName, model.Name, model.Version), TextBand.Foreground);
        yield return new TextLine(ReportTexts.Get(TextKey.NotForDiagnosticUse, language), TextBand.Caution, Bold: true);
    }

    public static string ModelLabel(ModelPackIdentity model) => ReportInstance.ModelLabel(model);
}
