using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Validation;

namespace Node.Inference.Preprocessing;

/// <summary>
/// Turns one instance into the model's input, in the manifest's order: input rules, decoding
/// (with the modality LUT where the manifest requests it), VOI window, MONOCHROME1 inversion, measures
/// and their plausible ranges, resize, normalization. Safe to call from several threads.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly ModelManifest _manifest;
    private readonly IImageDecoder _decoder;
    private readonly InputRuleChecker _rules;

    public ImagePreprocessor(ModelManifest manifest, IImageDecoder decoder)
    {
        _manifest = manifest;
        _decoder = decoder;
        _rules = new InputRuleChecker(manifest.Input);
    }

    public PreprocessingOutcome Prepare(DicomDataset dataset)
    {
        var identity = ImageIdentity.Of(dataset);
        var uid = identity.SopInstanceUid;
        var settings = _manifest.Preprocessing;

        // The input rules come first: a study the pack does not accept is never decoded.
        var ruleReasons = _rules.Check(dataset);
        if (ruleReasons.Count > 0)
        {
            return PreprocessingOutcome.Rejected(identity, ruleReasons);
        }

        GrayscaleImage image;
        try
        {
            image = _decoder.Decode(dataset, settings.ApplyModalityLut);
        }
        catch (DicomFormatException exception)
        {
            var reason = new NotAnalysedReason(NotAnalysedRule.PixelData, $"Pixel Data {DicomTags.PixelData}", exception.Reason, "grayscale pixel data in a transfer syntax the node decodes, matching its attributes", uid);
            return PreprocessingOutcome.Rejected(identity, [reason]);
        }

        if (ResolveWindow(dataset, out var windowReason) is not { } window)
        {
            return PreprocessingOutcome.Rejected(identity, [windowReason!]);
        }

        var invert = settings.InvertMonochrome1 && image.IsMonochrome1;
        var (display, measures) = ApplyWindow(image, window, invert);
        var rangeReasons = PlausibilityChecker.Check(measures, _manifest.PlausibleRanges, uid);
        if (rangeReasons.Count > 0)
        {
            return PreprocessingOutcome.Rejected(identity, rangeReasons);
        }

        var resized = ImageResampler.Resize(display, image.Rows, image.Columns, settings.InputRows, settings.InputColumns, settings.Interpolation);
        Normalize(resized, settings.Normalization);
        return PreprocessingOutcome.Ready(new PreparedImage(identity, resized, measures));
    }

    /// <summary>Returns the manifest's window, or the instance's first Window Center and Width where the manifest's Source is Image.</summary>
    private VoiWindow? ResolveWindow(DicomDataset dataset, out NotAnalysedReason? reason)
    {
        reason = null;
        var settings = _manifest.Preprocessing.VoiWindow;
        if (settings.Source == VoiWindowSource.Manifest)
        {
            return new VoiWindow(settings.CenterInModalityUnits!.Value, settings.WidthInModalityUnits!.Value);
        }

        var hasCenter = dataset.TryGetDouble(DicomTags.WindowCenter, out var center);
        var hasWidth = dataset.TryGetDouble(DicomTags.WindowWidth, out var width);
        if (hasCenter && hasWidth && double.IsFinite(center) && double.IsFinite(width) && width >= 1.0)
        {
            return new VoiWindow(center, width);
        }

        var found = hasWidth ? width.ToString("R", CultureInfo.InvariantCulture) : null;
        reason = new NotAnalysedReason(
            NotAnalysedRule.VoiWindow,
            $"Window Center {DicomTags.WindowCenter} and Window Width {DicomTags.WindowWidth}",
            hasCenter ? found : null,
            "a centre and a width of at least 1, since the model pack takes the window from the image",
            dataset.GetUid(DicomTags.SOPInstanceUID));
        return null;
    }

    /// <summary>Windows every pixel, inverts MONOCHROME1 where asked, and measures the body outline on the way.</summary>
    private (float[] Display, ImageMeasures Measures) ApplyWindow(GrayscaleImage image, VoiWindow window, bool invert)
    {
        var bodyThreshold = _manifest.PlausibleRanges.BodyIntensityThresholdInModalityUnits;
        var display = new float[image.Values.Length];
        long bodyPixels = 0;
        long clippedBodyPixels = 0;
        double backgroundSum = 0.0;

        for (var i = 0; i < display.Length; i++)
        {
            var value = image.Values[i];
            var level = window.Apply(value);
            if (invert)
            {
                level = 1.0 - level;
            }

            display[i] = (float)level;
            if (value >= bodyThreshold)
            {
                bodyPixels++;
                clippedBodyPixels += window.Clips(value) ? 1 : 0;
            }
            else
            {
                backgroundSum += level;
            }
        }

        var backgroundPixels = display.Length - bodyPixels;
        var measures = new ImageMeasures(
            (double)bodyPixels / display.Length,
            bodyPixels > 0 ? (double)clippedBodyPixels / bodyPixels : null,
            backgroundPixels > 0 ? backgroundSum / backgroundPixels : null,
            window);
        return (display, measures);
    }

    private static void Normalize(float[] values, NormalizationSettings normalization)
    {
        var factor = normalization.Factor;
        var term = normalization.Term;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((values[i] * factor) + term);
        }
    }
}
