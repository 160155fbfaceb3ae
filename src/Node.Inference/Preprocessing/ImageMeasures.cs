namespace Node.Inference.Preprocessing;

/// <summary>What preprocessing measured on one image, to compare with the model pack's plausible ranges.</summary>
/// <param name="BodyFraction">Fraction of pixels inside the body outline.</param>
/// <param name="WindowClippedBodyFraction">Fraction of body pixels outside the VOI window; null where no pixel is inside the body.</param>
/// <param name="BackgroundDisplayLevel">Mean windowed value in [0, 1], after any MONOCHROME1 inversion, of pixels outside the body; null where every pixel is inside.</param>
/// <param name="Window">The VOI window applied.</param>
public sealed record ImageMeasures(double BodyFraction, double? WindowClippedBodyFraction, double? BackgroundDisplayLevel, VoiWindow Window);
