using Node.Dicom.Network.Server;

namespace Node.Host.Storage;

/// <summary>Writes a received instance as a Part 10 file and flushes it to disk, for the stores that answer success only for bytes on disk.</summary>
internal static class FlushedPart10File
{
    /// <summary>Bytes copied from the network to the file per write: 256 KiB, the default maximum PDU length.</summary>
    private const int CopyBufferLength = 256 * 1024;

    /// <summary>Creates <paramref name="path"/> (it must not exist), writes the Part 10 header and the data set, then flushes the file (fsync); returns its length in bytes.</summary>
    public static async Task<long> WriteAsync(DicomStoreRequest request, Stream dataSet, string path, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        await using var file = new FileStream(path, options);
        await file.WriteAsync(DicomPart10Header.Create(request), cancellationToken).ConfigureAwait(false);
        await dataSet.CopyToAsync(file, CopyBufferLength, cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
        return file.Length;
    }
}
