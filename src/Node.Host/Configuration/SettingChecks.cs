using System.Globalization;

namespace Node.Host.Configuration;

/// <summary>Range checks shared by the settings classes; each adds one message that names the key, the value and the allowed range.</summary>
internal static class SettingChecks
{
    public static void Range(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value} is out of range; expected an integer from {min} to {max}."));
        }
    }

    public static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value:c} is out of range; expected a duration longer than zero, such as 00:00:10."));
        }
    }

    public static void NotNegative(List<string> errors, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value:c} is out of range; expected a duration of zero or more, such as 00:00:10."));
        }
    }

    public static void Between(List<string> errors, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value:c} is out of range; expected a duration from {min:c} to {max:c}."));
        }
    }

    public static void Fraction(List<string> errors, string key, double value)
    {
        if (!double.IsFinite(value) || value < 0.0 || value > 1.0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value:R} is out of range; expected a number from 0 to 1."));
        }
    }
}
