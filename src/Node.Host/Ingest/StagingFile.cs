using Node.Host.Storage;

namespace Node.Host.Ingest;

/// <summary>An instance being written to the staging folder, before it is flushed and checked.</summary>
/// <param name="Path">The file in the staging folder.</param>
/// <param name="File">The open file, which takes the data set fragments through <see cref="FlushedPart10File.Write"/>.</param>
internal sealed record StagingFile(string Path, FlushedPart10File File)
{
    /// <summary>Appends data set bytes to the file.</summary>
    public void Write(ReadOnlySpan<byte> bytes) => File.Write(bytes);
}
