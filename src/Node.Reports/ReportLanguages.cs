namespace Node.Reports;

/// <summary>Conversions between <see cref="ReportLanguage"/> and its ISO 639-1 code, the form settings and model packs use.</summary>
public static class ReportLanguages
{
    public const string EnglishCode = "en";
    public const string RussianCode = "ru";

    /// <summary>Every code the reports accept, in the order help text lists them.</summary>
    public static IReadOnlyList<string> Codes { get; } = [EnglishCode, RussianCode];

    /// <summary>Returns the ISO 639-1 code: "en" or "ru".</summary>
    public static string ToCode(this ReportLanguage language) => language switch
    {
        ReportLanguage.English => EnglishCode,
        ReportLanguage.Russian => RussianCode,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Reports are written in English or Russian only."),
    };

    /// <summary>Parses "en" or "ru", ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? code, out ReportLanguage language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case EnglishCode:
                language = ReportLanguage.English;
                return true;
            case RussianCode:
                language = ReportLanguage.Russian;
                return true;
            default:
                language = default;
                return false;
        }
    }
}
