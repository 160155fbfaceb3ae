namespace Node.Inference.Results;

/// <summary>
/// A finding's heatmap as the model produced it: Rows × Columns values row by row, covering the
/// whole model input image (so each cell spans input rows / Rows pixels). The reference model
/// writes probabilities per cell; other models may write other scores, so values are not typed
/// as <see cref="Probability"/>. The values are a slice of the array that the model wrote its
/// whole batch into, so a heatmap costs no copy. Nothing writes to that array afterwards.
/// </summary>
public sealed record Heatmap(int Rows, int Columns, ReadOnlyMemory<float> Values);
