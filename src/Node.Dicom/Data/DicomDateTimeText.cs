using System.Globalization;

namespace Node.Dicom.Data;

/// <summary>
/// Parsing and formatting of the DA, TM and DT value representations (PS3.5 Table 6.2-1),
/// including the ACR-NEMA forms "YYYY.MM.DD" and "HH:MM:SS" that old files still carry.
/// </summary>
public static class DicomDateTimeText
{
    public static string FormatDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Formats HHMMSS, with a six-digit fraction only where the time has one.</summary>
    public static string FormatTime(TimeOnly time)
    {
        var text = time.ToString("HHmmss", CultureInfo.InvariantCulture);
        var microseconds = (time.Ticks % TimeSpan.TicksPerSecond) / 10;
        return microseconds == 0 ? text : text + "." + microseconds.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats YYYYMMDDHHMMSS[.FFFFFF], followed by &amp;ZZXX where an offset is given.</summary>
    public static string FormatDateTime(DateTime dateTime, TimeSpan? utcOffset = null)
    {
        var text = FormatDate(DateOnly.FromDateTime(dateTime)) + FormatTime(TimeOnly.FromDateTime(dateTime));
        if (utcOffset is not { } offset)
        {
            return text;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return text + sign + magnitude.Hours.ToString("D2", CultureInfo.InvariantCulture) + magnitude.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses YYYYMMDD or the ACR-NEMA form YYYY.MM.DD.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        var digits = text.Trim().Replace(".", string.Empty, StringComparison.Ordinal);
        return DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Parses HH, HHMM, HHMMSS or HHMMSS.F to HHMMSS.FFFFFF, and the ACR-NEMA form HH:MM:SS.</summary>
    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        var trimmed = text.Trim().Replace(":", string.Empty, StringComparison.Ordinal);
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = dot >= 0 ? trimmed[..dot] : trimmed;
        var fraction = dot >= 0 ? trimmed[(dot + 1)..] : string.Empty;
        if (whole.Length is not (2 or 4 or 6) || fraction.Length > 6 || !IsDigits(whole) || !IsDigits(fraction) || (dot >= 0 && whole.Length != 6))
        {
            return false;
        }

        var hours = int.Parse(whole[..2], CultureInfo.InvariantCulture);
        var minutes = whole.Length >= 4 ? int.Parse(whole[2..4], CultureInfo.InvariantCulture) : 0;
        var seconds = whole.Length == 6 ? int.Parse(whole[4..6], CultureInfo.InvariantCulture) : 0;
        var microseconds = fraction.Length > 0 ? int.Parse(fraction.PadRight(6, '0'), CultureInfo.InvariantCulture) : 0;

        // PS3.5 allows a leap second (60); it is kept as the last microsecond of the minute.
        if (seconds == 60)
        {
            seconds = 59;
            microseconds = 999_999;
        }

        if (hours > 23 || minutes > 59 || seconds > 59)
        {
            return false;
        }

        time = new TimeOnly(hours, minutes, seconds).Add(TimeSpan.FromTicks(microseconds * 10L));
        return true;
    }

    /// <summary>
    /// Parses YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX]. Missing parts take their lowest value;
    /// <paramref name="utcOffset"/> is null where the value has no offset suffix.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTime dateTime, out TimeSpan? utcOffset)
    {
        dateTime = default;
        utcOffset = null;
        var trimmed = text.Trim();
        var signIndex = trimmed.IndexOfAny(['+', '-'], 4);
        if (signIndex >= 0)
        {
            if (!TryParseOffset(trimmed[signIndex..], out var offset))
            {
                return false;
            }

            utcOffset = offset;
            trimmed = trimmed[..signIndex];
        }

        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = dot >= 0 ? trimmed[..dot] : trimmed;
        if (whole.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !IsDigits(whole) || (dot >= 0 && whole.Length != 14))
        {
            return false;
        }

        var year = int.Parse(whole[..4], CultureInfo.InvariantCulture);
        var month = whole.Length >= 6 ? int.Parse(whole[4..6], CultureInfo.InvariantCulture) : 1;
        var day = whole.Length >= 8 ? int.Parse(whole[6..8], CultureInfo.InvariantCulture) : 1;
        var timeText = whole.Length > 8 ? whole[8..] + (dot >= 0 ? trimmed[dot..] : string.Empty) : "00";
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || !TryParseTime(timeText, out var time))
        {
            return false;
        }

        dateTime = new DateOnly(year, month, day).ToDateTime(time);
        return true;
    }

    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length != 5 || !IsDigits(text[1..]))
        {
            return false;
        }

        var hours = int.Parse(text[1..3], CultureInfo.InvariantCulture);
        var minutes = int.Parse(text[3..5], CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = text[0] == '-' ? offset.Negate() : offset;
        return true;
    }

    private static bool IsDigits(string text)
    {
        foreach (var character in text)
        {
            if (character is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
