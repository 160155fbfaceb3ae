namespace Node.Inference.Packs;

public enum ManifestErrorKind
{
    /// <summary>A required key is absent.</summary>
    Missing,

    /// <summary>A value has the wrong type, form or range.</summary>
    Invalid,

    /// <summary>A key the manifest format does not define.</summary>
    UnknownKey,

    /// <summary>A key written twice in one object.</summary>
    DuplicateKey,

    /// <summary>A tensor name, element type or shape that the ONNX file does not declare.</summary>
    ModelMismatch,
}
