using System.Buffers;
using Node.Dicom.Network.Server;

namespace Node.Host.Storage;

/// <summary>Writes a received instance as a Part 10 file and flushes it to disk, for the stores that answer success only for bytes on disk.</summary>
internal static class FlushedPart10File
{
    /// <summary>Bytes copied from the network to the file per write: 256 KiB, the default maximum PDU length.</summary>
    private const int CopyBufferLength = 256 * 1024;

    /// <summary>Bytes written between two requests to start writeback: 256 KiB, so a small read from the network costs no extra system call.</summary>
    private const long WritebackStep = 256 * 1024;

    /// <summary>
    /// Creates <paramref name="path"/> (it must not exist), writes the Part 10 header and the data set, then flushes the file (fsync); returns its length in bytes.
    /// Writeback starts after every 256 KiB written, so the disk works while the rest arrives.
    /// </summary>
    public static async Task<long> WriteAsync(DicomStoreRequest request, Stream dataSet, string path, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        await using var file = new FileStream(path, options);
        var header = DicomPart10Header.Create(request);
        file.Write(header);

        var length = header.Length + await CopyAsync(dataSet, file, cancellationToken).ConfigureAwait(false);

        file.Flush(flushToDisk: true);
        return length;
    }

    /// <summary>Copies the data set into the file, starting the writeback of every 256 KiB once written; returns the bytes copied.</summary>
    /// <remarks>
    /// The file is written synchronously, because a write to the page cache takes well under a
    /// millisecond. On Unix, .NET runs an asynchronous write to a file opened without
    /// FileOptions.Asynchronous as a thread-pool work item, which wakes another thread each time.
    /// </remarks>
    private static async Task<long> CopyAsync(Stream dataSet, FileStream file, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferLength);
        try
        {
            long copied = 0;
            var writebackStart = file.Position;
            int read;
            while ((read = await dataSet.ReadAsync(buffer.AsMemory(0, CopyBufferLength), cancellationToken).ConfigureAwait(false)) > 0)
            {
                file.Write(buffer, 0, read);
                copied += read;

                var written = file.Position - writebackStart;
                if (written >= WritebackStep)
                {
                    EarlyWriteback.Start(file.SafeFileHandle, writebackStart, written);
                    writebackStart = file.Position;
                }
            }

            return copied;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
