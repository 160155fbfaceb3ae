namespace Node.Inference.Packs;

/// <summary>
/// The preprocessing measures of one image and the ranges they must fall in; an image outside
/// any range is not analysed. The body outline is every pixel whose modality value is at least
/// <see cref="BodyIntensityThresholdInModalityUnits"/>.
/// </summary>
/// <param name="BodyIntensityThresholdInModalityUnits">The pixel value in modality units (HU for CT) from which a pixel counts as inside the body.</param>
/// <param name="BodyFraction">Range of the fraction of pixels inside the body outline.</param>
/// <param name="WindowClippedBodyFraction">Range of the fraction of body pixels that fall outside the VOI window.</param>
/// <param name="BackgroundDisplayLevel">Range of the mean windowed value in [0, 1], after any MONOCHROME1 inversion, of the pixels outside the body.</param>
public sealed record PlausibleRanges(
    double BodyIntensityThresholdInModalityUnits,
    ValueRange BodyFraction,
    ValueRange WindowClippedBodyFraction,
    ValueRange BackgroundDisplayLevel);
