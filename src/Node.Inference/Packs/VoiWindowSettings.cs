namespace Node.Inference.Packs;

/// <summary>
/// The VOI window (PS3.3 C.11.2.1.2, linear function). With <see cref="VoiWindowSource.Manifest"/>
/// the centre and width here are used; with <see cref="VoiWindowSource.Image"/> the instance's
/// first Window Center (0028,1050) and Window Width (0028,1051) are used, and an instance without
/// them is not analysed.
/// </summary>
/// <param name="Source">Where the centre and width come from.</param>
/// <param name="CenterInModalityUnits">Window centre in modality units; null only where Source is Image.</param>
/// <param name="WidthInModalityUnits">Window width in modality units, at least 1; null only where Source is Image.</param>
public sealed record VoiWindowSettings(VoiWindowSource Source, double? CenterInModalityUnits, double? WidthInModalityUnits);
