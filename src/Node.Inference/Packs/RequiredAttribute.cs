using Node.Dicom.Tags;

namespace Node.Inference.Packs;

/// <summary>An attribute an instance must carry, named by its keyword (or tag text) as the manifest wrote it.</summary>
public sealed record RequiredAttribute(string Keyword, DicomTag Tag);
