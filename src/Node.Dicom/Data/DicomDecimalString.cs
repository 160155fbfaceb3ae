using System.Globalization;

namespace Node.Dicom.Data;

/// <summary>
/// Formatting and parsing of Decimal String (DS) values: at most 16 characters of digits, sign,
/// decimal point and exponent (PS3.5 Table 6.2-1).
/// </summary>
public static class DicomDecimalString
{
    /// <summary>The maximum length of one DS value, in characters.</summary>
    public const int MaxLength = 16;

    /// <summary>
    /// Formats <paramref name="value"/> with as many significant digits as 16 characters allow:
    /// the shortest text that reads back as the same double where it fits, else the most precise
    /// rounding that fits. A probability keeps at least 13 significant digits this way.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite, which DS cannot hold.</exception>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A Decimal String (DS) value must be a finite number.");
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        if (shortest.Length <= MaxLength)
        {
            return shortest;
        }

        // Try every general and fixed-point rounding and keep the closest one that fits.
        string? best = null;
        var bestError = double.PositiveInfinity;
        foreach (var candidate in Candidates(value))
        {
            var error = Math.Abs(double.Parse(candidate, CultureInfo.InvariantCulture) - value);
            if (candidate.Length <= MaxLength && error < bestError)
            {
                best = candidate;
                bestError = error;
            }
        }

        return best ?? throw new ArgumentOutOfRangeException(nameof(value), value, "The value cannot be written in 16 characters.");
    }

    /// <summary>Parses one DS value; leading and trailing spaces are allowed.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses one DS value exactly, where it fits a decimal.</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static IEnumerable<string> Candidates(double value)
    {
        for (var digits = 1; digits <= 17; digits++)
        {
            yield return value.ToString("G" + digits, CultureInfo.InvariantCulture);
        }

        for (var decimals = 0; decimals <= 16; decimals++)
        {
            var fixedPoint = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
            yield return decimals == 0 ? fixedPoint : fixedPoint.TrimEnd('0').TrimEnd('.');
        }
    }
}
