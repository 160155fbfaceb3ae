using Microsoft.Win32.SafeHandles;
using Node.Dicom.Network.Server;

namespace Node.Host.Storage;

/// <summary>
/// A received instance being written as a Part 10 file, for the stores that send success only
/// for bytes on disk: the header first, then the data set as its fragments arrive, then a flush
/// (fsync). Writeback starts after every 256 KiB written, so the disk works while the rest
/// arrives and the flush at the end waits only for the last part and the metadata.
/// </summary>
/// <remarks>
/// Writes are synchronous: a write to the page cache takes well under a millisecond, and the
/// fragments come on the connection's read loop. Disposing closes the file and leaves it on disk.
/// </remarks>
internal sealed class FlushedPart10File : IDisposable
{
    /// <summary>Bytes written between two requests to start writeback: 256 KiB, so a small fragment costs no extra system call.</summary>
    private const long WritebackStep = 256 * 1024;

    private readonly SafeFileHandle _handle;

    /// <summary>Where the bytes not yet handed to writeback start.</summary>
    private long _writebackStart;

    private FlushedPart10File(SafeFileHandle handle, long length)
    {
        _handle = handle;
        Length = length;
        _writebackStart = length;
    }

    /// <summary>Bytes written so far, header included.</summary>
    public long Length { get; private set; }

    /// <summary>Creates <paramref name="path"/> (it must not exist) and writes the Part 10 header of <paramref name="request"/>.</summary>
    public static FlushedPart10File Create(DicomStoreRequest request, string path)
    {
        // The header first: where the request's UIDs do not make one, no file is left behind.
        var header = DicomPart10Header.Create(request);
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        try
        {
            RandomAccess.Write(handle, header, 0);
            return new FlushedPart10File(handle, header.Length);
        }
        catch
        {
            handle.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Appends data set bytes, starting writeback once 256 KiB have gathered.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        RandomAccess.Write(_handle, bytes, Length);
        Length += bytes.Length;

        var pending = Length - _writebackStart;
        if (pending >= WritebackStep)
        {
            EarlyWriteback.Start(_handle, _writebackStart, pending);
            _writebackStart = Length;
        }
    }

    /// <summary>Flushes the file's bytes and metadata to disk (fsync).</summary>
    public void Flush() => RandomAccess.FlushToDisk(_handle);

    public void Dispose() => _handle.Dispose();
}
