namespace Node.Host.Hosting;

/// <summary>
/// Exclusive locks on a file in the storage root and in the job store's folder, held while the
/// node runs. A second node started on the same folders then stops at start, in place of taking
/// the first node's running jobs as jobs a stopped process left behind and running them again.
/// </summary>
/// <remarks>
/// .NET opens a file with <see cref="FileShare.None"/> under an exclusive advisory lock (flock on
/// Linux), which the system releases when the process ends, however it ends.
/// NOTE: the lock belongs to the open file, so deleting ainode.lock while a node runs lets a
/// second node start on the same folders.
/// </remarks>
internal sealed class StorageLock : IDisposable
{
    public const string FileName = "ainode.lock";

    private readonly List<FileStream> _files;

    private StorageLock(List<FileStream> files) => _files = files;

    /// <summary>
    /// Takes the lock in each folder, each named by its setting's key, or adds a line to
    /// <paramref name="errors"/> and returns null where another process holds one.
    /// </summary>
    public static StorageLock? TryAcquire(IReadOnlyList<(string Key, string Folder)> folders, List<string> errors)
    {
        var files = new List<FileStream>();
        var distinct = folders.DistinctBy(folder => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.Folder)), StringComparer.Ordinal);
        foreach (var (key, folder) in distinct)
        {
            if (TryOpen(key, folder, errors) is not { } file)
            {
                files.ForEach(opened => opened.Dispose());
                return null;
            }

            files.Add(file);
        }

        return new StorageLock(files);
    }

    public void Dispose() => _files.ForEach(file => file.Dispose());

    private static FileStream? TryOpen(string key, string folder, List<string> errors)
    {
        var path = Path.Combine(folder, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            errors.Add($"{key} = \"{folder}\": another ainode process uses this folder and holds {path} ({exception.Message.TrimEnd('.')}). Stop that process, or give this node a folder of its own");
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            errors.Add($"{key} = \"{folder}\": the lock file {path} cannot be opened for writing ({exception.Message.TrimEnd('.')}). Give this user write access to it, or delete it while no node runs");
            return null;
        }

        // The process id is for a person looking at the folder. The lock itself is what counts.
        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true))
        {
            writer.WriteLine(Environment.ProcessId);
        }

        return file;
    }
}
