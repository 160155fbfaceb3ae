namespace Node.Host.Jobs;

/// <summary>The signals that pass work along inside one node process, so a study does not wait a poll interval at each step.</summary>
public sealed class NodeSignals : IDisposable
{
    /// <summary>A study became ready for analysis.</summary>
    public WorkSignal Analysis { get; } = new();

    /// <summary>A job's reports reached the outbox.</summary>
    public WorkSignal Delivery { get; } = new();

    public void Dispose()
    {
        Analysis.Dispose();
        Delivery.Dispose();
    }
}
