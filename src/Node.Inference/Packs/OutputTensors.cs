namespace Node.Inference.Packs;

/// <summary>The model's output tensors: probabilities [batch, findings] and optional heatmaps [batch, findings, rows, columns].</summary>
public sealed record OutputTensors(TensorDeclaration ProbabilityTensor, TensorDeclaration? HeatmapTensor);
