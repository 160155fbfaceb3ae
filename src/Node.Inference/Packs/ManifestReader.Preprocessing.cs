namespace Node.Inference.Packs;

/// <summary>The Preprocessing and PlausibleRanges sections.</summary>
public static partial class ManifestReader
{
    /// <summary>Smallest and largest rows or columns of a model's input image.</summary>
    private const int MinInputSide = 8;
    private const int MaxInputSide = 8192;

    /// <summary>Bound on any value in modality units; real ones (HU, raw detector values) stay far inside it.</summary>
    private const double ModalityValueBound = 1e6;

    private static readonly Dictionary<string, VoiWindowSource> WindowSources = new(StringComparer.Ordinal)
    {
        ["Manifest"] = VoiWindowSource.Manifest,
        ["Image"] = VoiWindowSource.Image,
    };

    private static readonly Dictionary<string, Interpolation> Interpolations = new(StringComparer.Ordinal)
    {
        ["Bilinear"] = Interpolation.Bilinear,
        ["Nearest"] = Interpolation.Nearest,
    };

    private static readonly Dictionary<string, NormalizationMethod> NormalizationMethods = new(StringComparer.Ordinal)
    {
        ["ScaleOffset"] = NormalizationMethod.ScaleOffset,
        ["MeanStd"] = NormalizationMethod.MeanStd,
    };

    private static readonly Dictionary<string, ChannelLayout> ChannelLayouts = new(StringComparer.Ordinal)
    {
        ["NCHW"] = ChannelLayout.Nchw,
        ["NHWC"] = ChannelLayout.Nhwc,
    };

    private static PreprocessingSettings? ReadPreprocessing(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var modalityLut = reader.Boolean("ApplyModalityLut");
        var window = ReadVoiWindow(reader.Object("VoiWindow", "an object with Source and, for \"Manifest\", the centre and width"));
        var invert = reader.Boolean("InvertMonochrome1");
        var resize = reader.Object("Resize", "an object with Interpolation");
        var interpolation = resize?.Choice("Interpolation", Interpolations);
        resize?.ReportUnknownKeys();
        var normalization = ReadNormalization(reader.Object("Normalization", "an object with Method and its parameters"));
        var layout = reader.Choice("ChannelLayout", ChannelLayouts);
        var input = layout is null ? null : ReadInputTensor(reader.Object("InputTensor", "an object with Name and Shape"), layout.Value);
        reader.ReportUnknownKeys();

        if (modalityLut is null || window is null || invert is null || interpolation is null || normalization is null || layout is null || input is null)
        {
            return null;
        }

        return new PreprocessingSettings(modalityLut.Value, window, invert.Value, interpolation.Value, normalization, layout.Value, input);
    }

    private static VoiWindowSettings? ReadVoiWindow(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var source = reader.Choice("Source", WindowSources);
        var fromManifest = source == VoiWindowSource.Manifest;
        var center = reader.Number("CenterInModalityUnits", -ModalityValueBound, ModalityValueBound, $"a number from {-ModalityValueBound:R} to {ModalityValueBound:R}", required: fromManifest);
        var width = reader.Number("WidthInModalityUnits", 1.0, 2 * ModalityValueBound, $"a number from 1 to {2 * ModalityValueBound:R}", required: fromManifest);
        reader.ReportUnknownKeys();
        if (source == VoiWindowSource.Image && (center is not null || width is not null))
        {
            var key = center is not null ? "CenterInModalityUnits" : "WidthInModalityUnits";
            reader.AddError(ManifestErrorKind.Invalid, reader.KeyPath(key), JsonObjectReader.Format((center ?? width)!.Value), "no value where Source is \"Image\", which takes the window from each instance");
            return null;
        }

        if (source is null || (fromManifest && (center is null || width is null)))
        {
            return null;
        }

        return new VoiWindowSettings(source.Value, center, width);
    }

    private static NormalizationSettings? ReadNormalization(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        const double bound = 1e6;
        var method = reader.Choice("Method", NormalizationMethods);
        var scaleOffset = method == NormalizationMethod.ScaleOffset;
        var meanStd = method == NormalizationMethod.MeanStd;
        var numberForm = $"a number from {-bound:R} to {bound:R}";
        var scale = scaleOffset ? reader.Number("Scale", -bound, bound, numberForm) : null;
        var offset = scaleOffset ? reader.Number("Offset", -bound, bound, numberForm) : null;
        var mean = meanStd ? reader.Number("Mean", -bound, bound, numberForm) : null;
        var deviation = meanStd ? reader.Number("StandardDeviation", 1e-9, bound, $"a number from 1E-09 to {bound:R}") : null;
        reader.ReportUnknownKeys();

        if (scale == 0.0)
        {
            reader.AddError(ManifestErrorKind.Invalid, reader.KeyPath("Scale"), "0", "a non-zero number, since 0 maps every image to the same tensor");
            return null;
        }

        var complete = (scaleOffset && scale is not null && offset is not null) || (meanStd && mean is not null && deviation is not null);
        return complete ? new NormalizationSettings(method!.Value, scale, offset, mean, deviation) : null;
    }

    private static TensorDeclaration? ReadInputTensor(JsonObjectReader? reader, ChannelLayout layout)
    {
        if (reader is null)
        {
            return null;
        }

        var side = $"{MinInputSide} to {MaxInputSide}";
        var form = layout == ChannelLayout.Nchw
            ? $"[batch, 1, rows, columns] with batch -1 (dynamic) or 1, and rows and columns from {side}"
            : $"[batch, rows, columns, 1] with batch -1 (dynamic) or 1, and rows and columns from {side}";
        var channelAxis = layout == ChannelLayout.Nchw ? 1 : 3;
        return ReadTensor(reader, form, 4, (axis, value) => axis switch
        {
            0 => IsBatchDimension(value),
            _ when axis == channelAxis => value == 1,
            _ => value is >= MinInputSide and <= MaxInputSide,
        });
    }

    private static PlausibleRanges? ReadPlausibleRanges(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var bodyThreshold = reader.Number(
            "BodyIntensityThresholdInModalityUnits",
            -ModalityValueBound,
            ModalityValueBound,
            $"a pixel value in modality units (HU for CT) from {-ModalityValueBound:R} to {ModalityValueBound:R}");
        var bodyFraction = ReadFractionRange(reader.Object("BodyFraction", "an object with Min and Max"));
        var clipped = ReadFractionRange(reader.Object("WindowClippedBodyFraction", "an object with Min and Max"));
        var background = ReadFractionRange(reader.Object("BackgroundDisplayLevel", "an object with Min and Max"));
        reader.ReportUnknownKeys();

        if (bodyThreshold is null || bodyFraction is null || clipped is null || background is null)
        {
            return null;
        }

        return new PlausibleRanges(bodyThreshold.Value, bodyFraction, clipped, background);
    }

    private static ValueRange? ReadFractionRange(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        const string expected = "a number from 0 to 1";
        var low = reader.Number("Min", 0.0, 1.0, expected);
        var high = reader.Number("Max", 0.0, 1.0, expected);
        reader.ReportUnknownKeys();
        if (low is null || high is null)
        {
            return null;
        }

        if (low > high)
        {
            reader.AddError(ManifestErrorKind.Invalid, reader.KeyPath("Max"), JsonObjectReader.Format(high.Value), $"a number from Min ({JsonObjectReader.Format(low.Value)}) to 1");
            return null;
        }

        return new ValueRange(low.Value, high.Value);
    }
}
