namespace Node.Inference.Runtime;

/// <summary>
/// Holds preprocessing back while the model runs on the CPU. ONNX Runtime splits each operator
/// across its intra-op threads, one per core, and waits for the slowest; a preprocessing thread
/// that takes one of those cores stalls the whole run for longer than the time it uses. With the
/// gate, the model and preprocessing take turns at every core. On CUDA the model barely uses the
/// CPU, so the gate stays open and both run at once.
/// </summary>
internal sealed class ModelRunGate
{
    private readonly bool _enabled;
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = NewOpenSignal(completed: true);

    public ModelRunGate(bool enabled)
    {
        _enabled = enabled;
    }

    /// <summary>Completes when no model run holds the gate.</summary>
    public Task WaitOpenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _open.Task.IsCompleted ? Task.CompletedTask : _open.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Closes the gate for one model run; disposing the returned value opens it again.</summary>
    public Closed Close()
    {
        if (_enabled)
        {
            lock (_lock)
            {
                _open = NewOpenSignal(completed: false);
            }
        }

        return new Closed(this);
    }

    private void Open()
    {
        if (_enabled)
        {
            lock (_lock)
            {
                _open.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewOpenSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }

    /// <summary>A model run in progress; disposing it opens the gate.</summary>
    public readonly struct Closed(ModelRunGate gate) : IDisposable
    {
        public void Dispose() => gate.Open();
    }
}
