namespace Node.Inference.Results;

/// <summary>What identifies the model behind a result: pack name, pack version and the ONNX file's SHA-256 (lower-case hex).</summary>
public sealed record ModelPackIdentity(string Name, string Version, string OnnxSha256);
