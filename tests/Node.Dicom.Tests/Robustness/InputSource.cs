namespace Node.Dicom.Tests.Robustness;

/// <summary>How a mutated input reaches the reader: each takes another path through <c>DicomInput</c>.</summary>
public enum InputSource
{
    /// <summary>Bytes in memory, values sliced from one array.</summary>
    Memory,

    /// <summary>A seekable stream, whose remaining length bounds every value.</summary>
    SeekableStream,

    /// <summary>A stream of unknown length, as from a socket.</summary>
    NonSeekableStream,
}
