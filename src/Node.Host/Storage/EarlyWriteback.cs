using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Node.Host.Storage;

/// <summary>
/// Asks Linux to start writing a file's freshly written bytes to disk at once (sync_file_range with
/// SYNC_FILE_RANGE_WRITE), without waiting for them. The disk then works while the rest of the
/// instance is still arriving, and the fsync at the end waits only for the last part and the
/// metadata. It is a hint, not a flush: the fsync stays what makes the file durable.
/// </summary>
internal static class EarlyWriteback
{
    /// <summary>sync_file_range(2) flag SYNC_FILE_RANGE_WRITE: start writeback of dirty pages in the range, do not wait.</summary>
    private const uint StartWrite = 2;

    /// <summary>Starts writeback of <paramref name="length"/> bytes at <paramref name="offset"/>; does nothing off Linux or where the call fails.</summary>
    public static void Start(SafeFileHandle file, long offset, long length)
    {
        if (!OperatingSystem.IsLinux() || length <= 0)
        {
            return;
        }

        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = SyncFileRange((int)file.DangerousGetHandle(), offset, length, StartWrite);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    // DllImport rather than LibraryImport: the generated LibraryImport code needs AllowUnsafeBlocks, which this project does not set.
    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(int descriptor, long offset, long length, uint flags);
}
