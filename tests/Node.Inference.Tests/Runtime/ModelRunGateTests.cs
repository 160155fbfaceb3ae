using Node.Inference.Runtime;

namespace Node.Inference.Tests.Runtime;

public sealed class ModelRunGateTests
{
    [Test]
    public void Closed_gate_holds_preprocessing_back()
    {
        var gate = new ModelRunGate(enabled: true);

        var closed = gate.Close();
        var wait = gate.WaitOpenAsync(CancellationToken.None);

        Assert.That(wait.IsCompleted, Is.False);
        closed.Dispose();
        Assert.That(wait.Wait(TimeSpan.FromSeconds(10)), Is.True, "disposing the closed gate must release the waiter");
    }

    [Test]
    public void Disabled_gate_never_closes()
    {
        var gate = new ModelRunGate(enabled: false);

        using var closed = gate.Close();

        Assert.That(gate.WaitOpenAsync(CancellationToken.None).IsCompleted, Is.True);
    }

    [Test]
    public void Waiting_on_closed_gate_can_be_cancelled()
    {
        var gate = new ModelRunGate(enabled: true);
        using var closed = gate.Close();
        using var cancellation = new CancellationTokenSource();

        var wait = gate.WaitOpenAsync(cancellation.Token);
        cancellation.Cancel();

        Assert.That(() => wait.Wait(TimeSpan.FromSeconds(10)), Throws.InstanceOf<AggregateException>().With.InnerException.InstanceOf<TaskCanceledException>());
    }
}
