namespace Node.Benchmarks;

internal static class Median
{
    /// <summary>Returns the middle time, or the mean of the two middle ones for an even count.</summary>
    public static TimeSpan Of(IReadOnlyList<TimeSpan> times) => TimeSpan.FromTicks((long)Of([.. times.Select(time => (double)time.Ticks)]));

    /// <summary>Returns the middle value, or the mean of the two middle ones for an even count.</summary>
    public static double Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
