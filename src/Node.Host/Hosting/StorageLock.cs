namespace Node.Host.Hosting;

/// <summary>
/// An exclusive lock on a file in the storage root, held while the node runs. A second node started
/// on the same folder then stops at start, in place of taking the first node's running jobs as
/// jobs a stopped process left behind and running them again.
/// </summary>
/// <remarks>
/// .NET opens a file with <see cref="FileShare.None"/> under an exclusive advisory lock (flock on
/// Linux), which the system releases when the process ends, however it ends.
/// </remarks>
internal sealed class StorageLock : IDisposable
{
    public const string FileName = "ainode.lock";

    private readonly FileStream _file;

    private StorageLock(FileStream file) => _file = file;

    /// <summary>Takes the lock in <paramref name="root"/>, or adds a line to <paramref name="errors"/> and returns null where another process holds it.</summary>
    public static StorageLock? TryAcquire(string root, List<string> errors)
    {
        var path = Path.Combine(root, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            errors.Add($"Storage:Root = \"{root}\": another ainode process uses this folder and holds {path} ({exception.Message.TrimEnd('.')}). Stop that process, or give this node its own Storage:Root");
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            errors.Add($"Storage:Root = \"{root}\": the lock file {path} cannot be opened for writing ({exception.Message.TrimEnd('.')}). Give this user write access to it, or delete it while no node runs");
            return null;
        }

        // The process id is for a person looking at the folder. The lock itself is what counts.
        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true))
        {
            writer.WriteLine(Environment.ProcessId);
        }

        return new StorageLock(file);
    }

    public void Dispose() => _file.Dispose();
}
