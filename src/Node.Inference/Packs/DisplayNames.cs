namespace Node.Inference.Packs;

/// <summary>The names people read in reports, in English and Russian.</summary>
public sealed record DisplayNames(string English, string Russian)
{
    /// <summary>Returns the name for an ISO 639-1 language code, "en" or "ru".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The language is neither.</exception>
    public string For(string language) => language switch
    {
        "en" => English,
        "ru" => Russian,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Display names exist for \"en\" and \"ru\" only."),
    };
}
