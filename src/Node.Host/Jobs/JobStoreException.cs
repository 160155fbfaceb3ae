namespace Node.Host.Jobs;

/// <summary>The job store cannot be read or written: the database file is missing, corrupt, locked too long or on a full disk. The message names the store.</summary>
public sealed class JobStoreException : Exception
{
    public JobStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
