namespace Node.Host.Jobs;

/// <summary>
/// Wakes a polling service early: one step notifies when it hands work on (a study became ready, a
/// report reached the outbox), and the next step's wait ends at once in place of at its next poll.
/// Polls stay, so work recorded by another process or before a restart is still found.
/// </summary>
public sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Marks that work is waiting; several notifications before the next wait count as one.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already notified and not yet consumed.
        }
    }

    /// <summary>Waits until notified or until <paramref name="pollInterval"/> has passed, whichever comes first; returns quietly when <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(pollInterval, time, done.Token);
        var wake = _pending.WaitAsync(done.Token);
        await Task.WhenAny(delay, wake).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(delay, wake).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The task that lost the race, or the caller's stop.
        }
    }

    public void Dispose() => _pending.Dispose();
}
