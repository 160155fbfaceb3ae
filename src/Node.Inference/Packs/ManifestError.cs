namespace Node.Inference.Packs;

/// <summary>One fault of a model pack's manifest, or a mismatch between the manifest and its ONNX file.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Path">JSON key path in the manifest, such as "$.Findings[1].DecisionThreshold".</param>
/// <param name="Value">The offending value as JSON text; null where the key is missing.</param>
/// <param name="Expected">The allowed range or form, such as "a probability from 0 to 1".</param>
public sealed record ManifestError(ManifestErrorKind Kind, string Path, string? Value, string Expected)
{
    public string Message => Kind switch
    {
        ManifestErrorKind.Missing => $"{Path}: missing; expected {Expected}.",
        ManifestErrorKind.UnknownKey => $"{Path}: unknown key; expected one of: {Expected}.",
        ManifestErrorKind.DuplicateKey => $"{Path}: key appears more than once; expected {Expected}.",
        ManifestErrorKind.ModelMismatch => $"{Path}: value {Value} does not match model.onnx; expected {Expected}.",
        _ => $"{Path}: value {Value} is invalid; expected {Expected}.",
    };

    public override string ToString() => Message;
}
