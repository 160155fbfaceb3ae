namespace Node.Benchmarks;

/// <summary>
/// One round of the paired order: a node pass, two raw passes, a node pass. Load on the machine
/// that rises or falls steadily during the round slows both sides by the same amount.
/// </summary>
internal readonly record struct PairedRound(TimedPass FirstNode, TimedPass FirstRaw, TimedPass SecondRaw, TimedPass SecondNode)
{
    public static PairedRound Measure(Func<TimeSpan> node, Func<TimeSpan> raw)
    {
        var firstNode = TimedPass.Measure(node);
        var firstRaw = TimedPass.Measure(raw);
        var secondRaw = TimedPass.Measure(raw);
        var secondNode = TimedPass.Measure(node);
        return new PairedRound(firstNode, firstRaw, secondRaw, secondNode);
    }

    /// <summary>Returns the node's images per second over the raw images per second, over the round's passes.</summary>
    public double NodeOverRaw(int nodeImages, int rawImages)
    {
        var nodeSeconds = (FirstNode.Wall + SecondNode.Wall).TotalSeconds;
        var rawSeconds = (FirstRaw.Wall + SecondRaw.Wall).TotalSeconds;
        return (nodeImages / nodeSeconds) / (rawImages / rawSeconds);
    }
}
