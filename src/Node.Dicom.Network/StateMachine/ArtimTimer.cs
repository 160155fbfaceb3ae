namespace Node.Dicom.Network.StateMachine;

/// <summary>
/// The Association Request/Reject/Release Timer (PS3.8 9.1.5) of one connection. A start replaces
/// any running timer; a generation number makes a callback of a stopped timer do nothing.
/// </summary>
internal sealed class ArtimTimer : IDisposable
{
    /// <summary>The clock; a fake one in tests, so expiry needs no sleeping.</summary>
    private readonly TimeProvider _timeProvider;

    /// <summary>Raised on expiry, from a timer thread.</summary>
    private readonly Action _expired;

    /// <summary>Guards <see cref="_timer"/> and <see cref="_generation"/>.</summary>
    private readonly Lock _lock = new();

    /// <summary>The running timer, or null when stopped.</summary>
    private ITimer? _timer;

    /// <summary>Incremented on every start and stop, so a late callback of an old timer is recognised.</summary>
    private long _generation;

    public ArtimTimer(TimeProvider timeProvider, TimeSpan timeout, Action expired)
    {
        _timeProvider = timeProvider;
        Timeout = timeout;
        _expired = expired;
    }

    public TimeSpan Timeout { get; }

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _timer is not null;
            }
        }
    }

    public void Start()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            var generation = ++_generation;
            _timer = _timeProvider.CreateTimer(_ => Fire(generation), null, Timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _generation++;
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose() => Stop();

    private void Fire(long generation)
    {
        lock (_lock)
        {
            if (generation != _generation)
            {
                return;
            }

            _timer?.Dispose();
            _timer = null;
        }

        _expired();
    }
}
