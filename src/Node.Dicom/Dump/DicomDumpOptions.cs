namespace Node.Dicom.Dump;

/// <summary>Layout of the text that <see cref="DicomDumpFormatter"/> writes.</summary>
public sealed record DicomDumpOptions
{
    /// <summary>The default for <see cref="MaxValueLength"/>, in characters.</summary>
    public const int DefaultMaxValueLength = 64;

    public static DicomDumpOptions Default { get; } = new();

    /// <summary>
    /// Characters of a value shown before it is cut and marked with "..."; the line's comment
    /// still states the full length in bytes. Default 64; at least 1.
    /// </summary>
    public int MaxValueLength { get; init; } = DefaultMaxValueLength;
}
