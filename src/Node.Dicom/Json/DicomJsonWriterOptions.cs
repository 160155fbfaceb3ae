namespace Node.Dicom.Json;

/// <summary>Layout of the DICOM JSON text that <see cref="DicomJsonWriter"/> writes.</summary>
public sealed record DicomJsonWriterOptions
{
    /// <summary>The default of <see cref="IndentSize"/>, in spaces.</summary>
    public const int DefaultIndentSize = 2;

    /// <summary>The largest indent <see cref="System.Text.Json.JsonWriterOptions"/> accepts.</summary>
    public const int MaxIndentSize = 127;

    /// <summary>Compact output on one line.</summary>
    public static DicomJsonWriterOptions Default { get; } = new();

    /// <summary>One member or array element per line, nested levels indented; default false (compact).</summary>
    public bool Indented { get; init; }

    /// <summary>Spaces per nesting level where <see cref="Indented"/> is set; 0 to <see cref="MaxIndentSize"/>, default 2.</summary>
    public int IndentSize { get; init; } = DefaultIndentSize;
}
