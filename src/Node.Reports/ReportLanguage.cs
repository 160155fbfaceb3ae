namespace Node.Reports;

/// <summary>The language of the text people read in reports.</summary>
public enum ReportLanguage
{
    English,
    Russian,
}
