namespace Node.Dicom.IO;

/// <summary>Limits and stopping points for reading a data set or a Part 10 file.</summary>
public sealed record DicomReadOptions
{
    /// <summary>Default of <see cref="MaxSequenceDepth"/>: 64 levels of nested sequences.</summary>
    public const int DefaultMaxSequenceDepth = 64;

    /// <summary>Default of <see cref="MaxInflatedLength"/>: 1 GiB.</summary>
    public const long DefaultMaxInflatedLength = 1L << 30;

    public static readonly DicomReadOptions Default = new();

    /// <summary>
    /// Stop at the top-level Pixel Data element (7FE0,0010) without reading it, so a caller can
    /// read the header of a large image cheaply. Default: false.
    /// </summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>The deepest nesting of sequences accepted; deeper input is malformed. Default: 64.</summary>
    public int MaxSequenceDepth { get; init; } = DefaultMaxSequenceDepth;

    /// <summary>The most bytes a deflated data set may inflate to, in bytes. Default: 1 GiB.</summary>
    public long MaxInflatedLength { get; init; } = DefaultMaxInflatedLength;
}
