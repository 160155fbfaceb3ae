using System.Globalization;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;

namespace Node.Inference.Validation;

/// <summary>Compares an image's preprocessing measures with the model pack's plausible ranges.</summary>
public static class PlausibilityChecker
{
    /// <summary>Returns a reason for each measure outside its range; a measure that could not be taken (null) is not checked.</summary>
    public static IReadOnlyList<NotAnalysedReason> Check(ImageMeasures measures, PlausibleRanges ranges, string? sopInstanceUid)
    {
        var reasons = new List<NotAnalysedReason>();
        var threshold = ranges.BodyIntensityThresholdInModalityUnits.ToString("R", CultureInfo.InvariantCulture);
        Check(measures.BodyFraction, ranges.BodyFraction, $"BodyFraction (pixels at or above BodyIntensityThresholdInModalityUnits {threshold})", sopInstanceUid, reasons);
        Check(measures.WindowClippedBodyFraction, ranges.WindowClippedBodyFraction, $"WindowClippedBodyFraction (window centre {Format(measures.Window.Center)}, width {Format(measures.Window.Width)})", sopInstanceUid, reasons);
        Check(measures.BackgroundDisplayLevel, ranges.BackgroundDisplayLevel, "BackgroundDisplayLevel (mean windowed value outside the body, 0 black to 1 white)", sopInstanceUid, reasons);
        return reasons;
    }

    private static void Check(double? value, ValueRange range, string attribute, string? sopInstanceUid, List<NotAnalysedReason> reasons)
    {
        if (value is { } measured && !range.Contains(measured))
        {
            reasons.Add(new NotAnalysedReason(NotAnalysedRule.PlausibleRange, attribute, Format(measured), $"a value from {range}", sopInstanceUid));
        }
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
