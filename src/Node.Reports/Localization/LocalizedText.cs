namespace Node.Reports.Localization;

/// <summary>One text in both report languages; a format text has the same {n} placeholders in each.</summary>
public sealed record LocalizedText(string English, string Russian)
{
    public string For(ReportLanguage language) => language switch
    {
        ReportLanguage.English => English,
        ReportLanguage.Russian => Russian,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Reports are written in English or Russian only."),
    };
}
