using System.Globalization;

namespace Node.Inference.Results;

/// <summary>
/// A model output probability: a finite number in [0, 1], kept at full double precision. It never
/// rounds, scales to percent or converts to an integer; <see cref="FormatAsPercentForDisplay"/>
/// is the one place that rounds, and only for text that people read.
/// </summary>
public readonly struct Probability : IEquatable<Probability>, IComparable<Probability>
{
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, below 0 or above 1.</exception>
    public Probability(double value)
    {
        if (!double.IsFinite(value) || value < 0.0 || value > 1.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                $"A probability must be a finite number from 0 to 1; got {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        // -0.0 passes the range check; store +0.0 so that equal probabilities print alike.
        Value = value == 0.0 ? 0.0 : value;
    }

    /// <summary>The probability as the model produced it, widened to double and never rounded.</summary>
    public double Value { get; }

    public static Probability Zero => new(0.0);

    public static Probability One => new(1.0);

    /// <summary>Returns true where the value is at least <paramref name="decisionThreshold"/>.</summary>
    public bool MeetsDecisionThreshold(Probability decisionThreshold) => Value >= decisionThreshold.Value;

    /// <summary>Formats the value as a percent with one decimal ("12.3 %") for people to read; never parse it back.</summary>
    public string FormatAsPercentForDisplay(IFormatProvider? culture = null)
    {
        var percent = Value * 100.0;
        return percent.ToString("0.0", culture ?? CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>Formats the value with the round-trip format, so parsing the text gives the same double.</summary>
    public string ToRoundTripString() => Value.ToString("R", CultureInfo.InvariantCulture);

    public override string ToString() => ToRoundTripString();

    public bool Equals(Probability other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is Probability other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(Probability other) => Value.CompareTo(other.Value);

    public static bool operator ==(Probability left, Probability right) => left.Equals(right);

    public static bool operator !=(Probability left, Probability right) => !left.Equals(right);

    public static bool operator <(Probability left, Probability right) => left.Value < right.Value;

    public static bool operator >(Probability left, Probability right) => left.Value > right.Value;

    public static bool operator <=(Probability left, Probability right) => left.Value <= right.Value;

    public static bool operator >=(Probability left, Probability right) => left.Value >= right.Value;
}
