using Node.Inference.Preprocessing;
using Node.Inference.Validation;

namespace Node.Inference.Results;

/// <summary>The model's result for one image: each finding in manifest order, and what preprocessing measured.</summary>
public sealed record ImageResult(ImageIdentity Image, IReadOnlyList<FindingResult> Findings, ImageMeasures Measures);
