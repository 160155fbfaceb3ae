using System.Collections.Concurrent;
using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Runtime;
using Node.Inference.Validation;

namespace Node.Inference.Preprocessing;

/// <summary>
/// Turns one instance into the model's input, one image per frame, in the manifest's order:
/// input rules, transfer syntax, decoding (with the modality LUT where the manifest requests
/// it), VOI window, MONOCHROME1 inversion, measures and their plausible ranges, resize,
/// normalization. Safe to call from several threads.
/// </summary>
public sealed class ImagePreprocessor
{
    private const string TransferSyntaxAttribute = "Transfer Syntax UID (0002,0010)";
    private const string WindowAttributes = "Window Center (0028,1050) and Window Width (0028,1051)";
    private const string WindowExpected = "a centre and a width of at least 1, since the model pack takes the window from the image";

    private readonly ModelManifest _manifest;
    private readonly IImageDecoder _decoder;
    private readonly InputRuleChecker _rules;

    /// <summary>Decoded-frame arrays handed back after each frame, so that preparing a frame of the same size does not allocate one.</summary>
    private readonly ConcurrentBag<float[]> _frameArrays = [];

    public ImagePreprocessor(ModelManifest manifest, IImageDecoder decoder)
    {
        _manifest = manifest;
        _decoder = decoder;
        _rules = new InputRuleChecker(manifest.Input);
    }

    /// <summary>Prepares every frame of the instance, in frame order. Returns one rejected outcome where the instance cannot be analysed.</summary>
    public IReadOnlyList<PreprocessingOutcome> Prepare(StudyInstance instance)
    {
        if (Open(instance, out var frameCount) is { } rejected)
        {
            return [rejected];
        }

        return [.. Enumerable.Range(0, frameCount).Select(frameIndex => PrepareFrame(instance, frameIndex, frameCount))];
    }

    /// <summary>Prepares a single-frame data set built in memory, taken as Explicit VR Little Endian (see <see cref="StudyInstance.FromDataset"/>).</summary>
    /// <exception cref="ArgumentException">The data set has more than one frame; prepare it as a <see cref="StudyInstance"/>.</exception>
    public PreprocessingOutcome Prepare(DicomDataset dataset)
    {
        var outcomes = Prepare(StudyInstance.FromDataset(dataset));
        return outcomes.Count == 1
            ? outcomes[0]
            : throw new ArgumentException($"The data set has {outcomes.Count} frames; call Prepare(StudyInstance) to prepare each of them.", nameof(dataset));
    }

    /// <summary>
    /// Checks the input rules, the transfer syntax, the pixel data attributes and the VOI window
    /// of an instance, and counts its frames. Returns the rejected outcome where a check fails, otherwise null.
    /// </summary>
    internal PreprocessingOutcome? Open(StudyInstance instance, out int frameCount)
    {
        frameCount = 0;
        var dataset = instance.Dataset;
        var identity = ImageIdentity.Of(dataset);

        // The input rules come first: a study the pack does not accept is never decoded.
        var ruleReasons = _rules.Check(dataset);
        if (ruleReasons.Count > 0)
        {
            return PreprocessingOutcome.Rejected(identity, ruleReasons);
        }

        if (!_decoder.CanDecode(instance.TransferSyntax))
        {
            return PreprocessingOutcome.Rejected(identity, [UndecodableTransferSyntax(instance.TransferSyntax, identity.SopInstanceUid)]);
        }

        try
        {
            frameCount = _decoder.CountFrames(dataset, instance.TransferSyntax);
        }
        catch (DicomFormatException exception)
        {
            return PreprocessingOutcome.Rejected(identity, [PixelDataReason(exception, identity.SopInstanceUid)]);
        }

        // A top-level window belongs to the whole instance, so a missing one is one reason, not
        // one per frame. Windows in functional groups are checked frame by frame.
        if (!IsWindowFromTopLevel(dataset, frameCount))
        {
            return null;
        }

        return ResolveWindow(dataset, 0, out var windowReason) is null
            ? PreprocessingOutcome.Rejected(identity, [windowReason!])
            : null;
    }

    /// <summary>Prepares frame <paramref name="frameIndex"/> (from 0) of an instance that <see cref="Open"/> accepted with <paramref name="frameCount"/> frames.</summary>
    /// <remarks>
    /// The frame is rescaled with its own Rescale Slope and Intercept and, where the manifest's
    /// window Source is Image, windowed with its own Window Center and Width. Both come from the
    /// frame's functional groups in an enhanced multi-frame instance (per-frame before shared),
    /// else from the top level of the instance.
    /// </remarks>
    /// <param name="instance">The instance.</param>
    /// <param name="frameIndex">The frame, from 0.</param>
    /// <param name="frameCount">The instance's number of frames.</param>
    /// <param name="tensor">Memory of the model's input size to write the tensor into, such as an image's place in a batch buffer, reused by the caller, or empty for a new array.</param>
    internal PreprocessingOutcome PrepareFrame(StudyInstance instance, int frameIndex, int frameCount, Memory<float> tensor = default)
    {
        var dataset = instance.Dataset;
        var identity = ImageIdentity.Of(dataset);
        if (frameCount > 1)
        {
            identity = identity with { FrameNumber = frameIndex + 1 };
        }

        var uid = identity.SopInstanceUid;
        var settings = _manifest.Preprocessing;

        GrayscaleImage image;
        try
        {
            image = _decoder.DecodeFrame(dataset, instance.TransferSyntax, frameIndex, settings.ApplyModalityLut, TakeFrameArray());
        }
        catch (DicomFormatException exception)
        {
            return RejectFrame(identity, [PixelDataReason(exception, uid)]);
        }

        if (ResolveWindow(dataset, frameIndex, out var windowReason) is not { } window)
        {
            return RejectFrame(identity, [windowReason!]);
        }

        var invert = settings.InvertMonochrome1 && image.IsMonochrome1;
        var (display, measures) = ApplyWindow(image, window, invert);
        var rangeReasons = PlausibilityChecker.Check(measures, _manifest.PlausibleRanges, uid);
        if (rangeReasons.Count > 0)
        {
            return RejectFrame(identity, rangeReasons);
        }

        var resized = tensor.IsEmpty ? new float[settings.InputRows * settings.InputColumns] : tensor;
        ImageResampler.ResizeInto(display, image.Rows, image.Columns, settings.InputRows, settings.InputColumns, settings.Interpolation, resized.Span);

        // The decoded array is no longer read once resized.
        _frameArrays.Add(display);

        Normalize(resized.Span, settings.Normalization);
        return PreprocessingOutcome.Ready(new PreparedImage(identity, resized, measures));
    }

    /// <summary>Returns a decoded-frame array handed back earlier, or null; the decoder uses it where its length fits the frame.</summary>
    private float[]? TakeFrameArray() => _frameArrays.TryTake(out var values) ? values : null;

    /// <summary>Returns a rejected frame outcome whose reasons name the frame of a multi-frame instance.</summary>
    private static PreprocessingOutcome RejectFrame(ImageIdentity identity, IReadOnlyList<NotAnalysedReason> reasons) =>
        PreprocessingOutcome.Rejected(identity, [.. reasons.Select(reason => reason with { FrameNumber = identity.FrameNumber })]);

    private static NotAnalysedReason UndecodableTransferSyntax(DicomTransferSyntax transferSyntax, string uid) => new(
        NotAnalysedRule.PixelData,
        TransferSyntaxAttribute,
        $"{transferSyntax.Uid} {transferSyntax.Name}",
        "a transfer syntax whose pixel data the node decodes: a native (uncompressed) one, Encapsulated Uncompressed Explicit VR Little Endian or RLE Lossless; JPEG, JPEG-LS, JPEG 2000 and other compressed pixel data need a decompressed copy",
        uid);

    private static NotAnalysedReason PixelDataReason(DicomFormatException exception, string uid) =>
        new(NotAnalysedRule.PixelData, $"Pixel Data {DicomTags.PixelData}", exception.Reason, "grayscale pixel data in a transfer syntax the node decodes, matching its attributes", uid);

    /// <summary>
    /// Returns whether no frame has a Frame VOI LUT functional group, so every frame takes the
    /// top-level window. Malformed functional groups return false and are reported frame by frame.
    /// </summary>
    private bool IsWindowFromTopLevel(DicomDataset dataset, int frameCount)
    {
        if (_manifest.Preprocessing.VoiWindow.Source == VoiWindowSource.Manifest)
        {
            return true;
        }

        try
        {
            var groups = FrameFunctionalGroups.Read(dataset);
            return Enumerable.Range(0, frameCount).All(frameIndex => groups.FindGroupItem(DicomTags.FrameVOILUTSequence, frameIndex) is null);
        }
        catch (DicomFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Returns the manifest's window, or where the manifest's Source is Image the frame's first
    /// Window Center and Width: from its Frame VOI LUT functional group, else from the top level.
    /// </summary>
    private VoiWindow? ResolveWindow(DicomDataset dataset, int frameIndex, out NotAnalysedReason? reason)
    {
        reason = null;
        var settings = _manifest.Preprocessing.VoiWindow;
        if (settings.Source == VoiWindowSource.Manifest)
        {
            return new VoiWindow(settings.CenterInModalityUnits!.Value, settings.WidthInModalityUnits!.Value);
        }

        var uid = dataset.GetUid(DicomTags.SOPInstanceUID);
        FrameWindow? found;
        try
        {
            found = FrameFunctionalGroups.Read(dataset).GetWindow(frameIndex);
        }
        catch (DicomFormatException exception)
        {
            reason = new NotAnalysedReason(NotAnalysedRule.VoiWindow, WindowAttributes, exception.Reason, WindowExpected, uid);
            return null;
        }

        if (found is { } window && double.IsFinite(window.Center) && double.IsFinite(window.Width) && window.Width >= 1.0)
        {
            return new VoiWindow(window.Center, window.Width);
        }

        var width = found?.Width.ToString("R", CultureInfo.InvariantCulture);
        reason = new NotAnalysedReason(NotAnalysedRule.VoiWindow, WindowAttributes, width, WindowExpected, uid);
        return null;
    }

    /// <summary>Windows every pixel in place, inverts MONOCHROME1 where asked, and measures the body outline on the way.</summary>
    /// <returns>The image's own value array, now holding display levels from 0 to 1, and the measures.</returns>
    private (float[] Display, ImageMeasures Measures) ApplyWindow(GrayscaleImage image, VoiWindow window, bool invert)
    {
        var display = image.Values;
        var (bodyPixels, clippedBodyPixels, backgroundSum) = WindowPass.Apply(display, window, invert, _manifest.PlausibleRanges.BodyIntensityThresholdInModalityUnits);

        var backgroundPixels = display.Length - bodyPixels;
        var measures = new ImageMeasures(
            (double)bodyPixels / display.Length,
            bodyPixels > 0 ? (double)clippedBodyPixels / bodyPixels : null,
            backgroundPixels > 0 ? backgroundSum / backgroundPixels : null,
            window);
        return (display, measures);
    }

    /// <summary>Maps each value v to v × factor + term in place; the identity map (factor 1, term 0) leaves the values as they are.</summary>
    private static void Normalize(Span<float> values, NormalizationSettings normalization)
    {
        var factor = normalization.Factor;
        var term = normalization.Term;
        if (factor == 1.0 && term == 0.0)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((values[i] * factor) + term);
        }
    }
}
