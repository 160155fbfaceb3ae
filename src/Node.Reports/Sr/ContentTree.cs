using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Inference.Packs;

namespace Node.Reports.Sr;

/// <summary>Reads SR content items by their codes: value type, concept name, children and values.</summary>
internal static class ContentTree
{
    private const string PercentUnit = "%";

    public static string ValueTypeOf(DicomDataset item) => item.GetString(DicomTags.ValueType)?.Trim() ?? string.Empty;

    public static CodedConcept? ConceptName(DicomDataset item) => FirstCode(item, DicomTags.ConceptNameCodeSequence);

    /// <summary>The value of a CODE item.</summary>
    public static CodedConcept? CodeValue(DicomDataset item) => FirstCode(item, DicomTags.ConceptCodeSequence);

    public static IReadOnlyList<DicomDataset> Children(DicomDataset item) =>
        item.GetSequence(DicomTags.ContentSequence)?.Items is { } items ? [.. items] : [];

    public static bool Is(DicomDataset item, string valueType, CodedConcept concept) =>
        ValueTypeOf(item) == valueType && SrCodes.SameCode(ConceptName(item), concept);

    /// <summary>Every item below <paramref name="root"/>, depth first, in document order.</summary>
    public static IEnumerable<DicomDataset> Descendants(DicomDataset root)
    {
        foreach (var child in Children(root))
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    public static string? TextValue(DicomDataset item) => item.GetString(DicomTags.TextValue);

    /// <summary>
    /// Returns the value of a NUM item as a fraction: Floating Point Value (0040,A161) where
    /// present, since it is exact, else Numeric Value (0040,A30A); a value in UCUM "%" is divided
    /// by 100. Null where the item has no measured value.
    /// </summary>
    public static double? NumValue(DicomDataset item)
    {
        if (item.GetSequence(DicomTags.MeasuredValueSequence)?.Items is not { Count: > 0 } measured)
        {
            return null;
        }

        var value = measured[0];
        double number;
        if (value.Contains(DicomTags.FloatingPointValue))
        {
            number = value.GetValues<double>(DicomTags.FloatingPointValue)[0];
        }
        else if (value.GetString(DicomTags.NumericValue) is { } text && DicomDecimalString.TryParse(text, out double parsed))
        {
            number = parsed;
        }
        else
        {
            return null;
        }

        var unit = FirstCode(value, DicomTags.MeasurementUnitsCodeSequence);
        return unit is { Scheme: "UCUM", Value: PercentUnit } ? number / 100.0 : number;
    }

    /// <summary>Returns the Numeric Value (0040,A30A) text of a NUM item as written, for checks of its precision.</summary>
    public static string? NumericValueText(DicomDataset item) =>
        item.GetSequence(DicomTags.MeasuredValueSequence)?.Items is { Count: > 0 } measured ? measured[0].GetString(DicomTags.NumericValue) : null;

    public static CodedConcept? FirstCode(DicomDataset dataset, DicomTag sequenceTag)
    {
        if (dataset.GetSequence(sequenceTag)?.Items is not { Count: > 0 } items)
        {
            return null;
        }

        var code = items[0];
        var value = code.GetString(DicomTags.CodeValue) ?? code.GetString(DicomTags.LongCodeValue) ?? code.GetString(DicomTags.URNCodeValue);
        var scheme = code.GetString(DicomTags.CodingSchemeDesignator) ?? string.Empty;
        var meaning = code.GetString(DicomTags.CodeMeaning) ?? string.Empty;
        return value is null ? null : new CodedConcept(value, scheme, meaning);
    }
}
