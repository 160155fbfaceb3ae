using Node.Inference.Results;

namespace Node.Reports.Sc;

/// <summary>A source image chosen as a key image, with the findings whose heatmaps are drawn on it.</summary>
internal sealed record KeyImage(ImageResult Image, SourceInstance Source, IReadOnlyList<FindingResult> OverlayFindings);
