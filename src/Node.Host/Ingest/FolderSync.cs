using System.Runtime.InteropServices;

namespace Node.Host.Ingest;

/// <summary>
/// Flushes a folder's entries to disk (fsync on the folder), so a rename or a new subfolder in it
/// survives a power loss. .NET has no API for this: a FileStream cannot open a folder, so the
/// POSIX calls are made directly on Linux and macOS.
/// </summary>
internal static class FolderSync
{
    /// <summary>open(2) flag O_RDONLY, 0 on Linux and macOS; a folder can be opened read-only and fsynced.</summary>
    private const int ReadOnly = 0;

    /// <summary>
    /// Flushes the folder's entries; returns false where the platform offers no way or the call
    /// failed, in which case the entries reach the disk when the file system next writes its metadata.
    /// </summary>
    /// <remarks>NOTE: on Windows this does nothing; NTFS journals renames, but the journal may be written after the C-STORE response.</remarks>
    public static bool TryFlush(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        var descriptor = Open(folder, ReadOnly);
        if (descriptor < 0)
        {
            return false;
        }

        var flushed = Fsync(descriptor) == 0;
        _ = Close(descriptor);
        return flushed;
    }

    // DllImport rather than LibraryImport: the generated LibraryImport code needs AllowUnsafeBlocks, which this project does not set.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
