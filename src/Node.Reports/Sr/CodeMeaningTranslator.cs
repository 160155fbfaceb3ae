using System.Text;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Reports.Sr;

/// <summary>Replaces the Code Meaning of every code item in a data set tree whose scheme and value have a translation.</summary>
internal static class CodeMeaningTranslator
{
    /// <summary>
    /// Longest Code Meaning, in bytes. LO allows 64 characters, but validators such as dciodvfy
    /// count bytes, and a Cyrillic character takes two in UTF-8.
    /// </summary>
    private const int MaxMeaningBytes = 64;

    public static void Apply(DicomDataset dataset, IReadOnlyDictionary<(string Scheme, string Value), string> meanings)
    {
        foreach (var sequence in dataset.OfType<DicomSequence>())
        {
            foreach (var item in sequence.Items)
            {
                Translate(item, meanings);
                Apply(item, meanings);
            }
        }
    }

    private static void Translate(DicomDataset item, IReadOnlyDictionary<(string Scheme, string Value), string> meanings)
    {
        var scheme = item.GetString(DicomTags.CodingSchemeDesignator)?.Trim();
        var value = (item.GetString(DicomTags.CodeValue) ?? item.GetString(DicomTags.LongCodeValue))?.Trim();
        if (scheme is null || value is null || !item.Contains(DicomTags.CodeMeaning))
        {
            return;
        }

        if (meanings.TryGetValue((scheme, value), out var meaning))
        {
            item.SetString(DicomTags.CodeMeaning, DicomVR.LO, Shorten(meaning));
        }
    }

    private static string Shorten(string meaning)
    {
        var text = meaning;
        while (Encoding.UTF8.GetByteCount(text) > MaxMeaningBytes)
        {
            text = text[..^1];
        }

        return text;
    }
}
