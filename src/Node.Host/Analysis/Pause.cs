namespace Node.Host.Analysis;

/// <summary>A delay between polls that ends quietly when the node stops.</summary>
internal static class Pause
{
    public static async Task For(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the caller's loop ends.
        }
    }
}
