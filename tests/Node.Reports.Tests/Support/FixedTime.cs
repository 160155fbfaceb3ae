namespace Node.Reports.Tests.Support;

/// <summary>A clock that always reads the same instant, in UTC, so reports made in tests are reproducible.</summary>
internal sealed class FixedTime : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Instant;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
