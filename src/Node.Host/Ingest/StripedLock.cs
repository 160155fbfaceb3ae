namespace Node.Host.Ingest;

/// <summary>
/// Mutual exclusion per key with a fixed number of semaphores: keys that hash to the same stripe
/// wait for each other too, which costs some concurrency and no memory per key.
/// </summary>
internal sealed class StripedLock
{
    /// <summary>One semaphore per stripe, each admitting one holder.</summary>
    private readonly SemaphoreSlim[] _stripes;

    public StripedLock(int stripeCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripeCount, 1);
        _stripes = [.. Enumerable.Range(0, stripeCount).Select(_ => new SemaphoreSlim(1, 1))];
    }

    /// <summary>Waits for the key's stripe; disposing the result releases it.</summary>
    public async Task<Releaser> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
