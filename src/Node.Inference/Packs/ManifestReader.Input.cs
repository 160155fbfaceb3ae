using System.Text.Json;
using System.Text.RegularExpressions;
using Node.Dicom.Dictionary;
using Node.Dicom.Tags;

namespace Node.Inference.Packs;

/// <summary>The Input section: which instances the model accepts.</summary>
public static partial class ManifestReader
{
    /// <summary>The photometric interpretations the preprocessing can turn into a model input.</summary>
    private static readonly string[] SupportedPhotometricInterpretations = ["MONOCHROME1", "MONOCHROME2"];

    private static InputRules? ReadInputRules(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var modalities = ReadStrings(reader, "Modalities", "a DICOM code string of 1 to 16 upper-case letters, digits, spaces or '_', such as \"CT\"", CodeStringPattern().IsMatch);
        var sopClasses = ReadStrings(reader, "SopClassUids", "a UID of at most 64 characters, digits separated by '.'", IsUid);
        var photometric = ReadStrings(reader, "PhotometricInterpretations", "\"MONOCHROME1\" or \"MONOCHROME2\"", SupportedPhotometricInterpretations.Contains);
        var rows = ReadIntegerRange(reader.Object("Rows", "an object with Min and Max"), 1, ushort.MaxValue);
        var columns = ReadIntegerRange(reader.Object("Columns", "an object with Min and Max"), 1, ushort.MaxValue);
        var required = ReadRequiredAttributes(reader);
        reader.ReportUnknownKeys();

        if (modalities is null || sopClasses is null || photometric is null || rows is null || columns is null || required is null)
        {
            return null;
        }

        return new InputRules(modalities, sopClasses, photometric, rows, columns, required);
    }

    private static IReadOnlyList<RequiredAttribute>? ReadRequiredAttributes(JsonObjectReader reader)
    {
        const string expected = "a DICOM keyword such as \"PixelSpacing\" or a tag such as \"(0028,0030)\"";
        var items = reader.Array("RequiredAttributes", 0, "an array of DICOM keywords or tags", required: false);
        if (items is null)
        {
            return [];
        }

        var attributes = new List<RequiredAttribute>();
        foreach (var (element, path) in items)
        {
            var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
            if (text is not null && TryResolveTag(text, out var tag))
            {
                attributes.Add(new RequiredAttribute(text, tag));
            }
            else
            {
                reader.AddError(ManifestErrorKind.Invalid, path, JsonObjectReader.ValueText(element), expected);
            }
        }

        return attributes.Count == items.Count ? attributes : null;
    }

    /// <summary>Resolves a keyword of the data dictionary, or a tag written as "(gggg,eeee)".</summary>
    private static bool TryResolveTag(string text, out DicomTag tag)
    {
        if (DicomDictionary.TryFindByKeyword(text, out var entry) && !entry.IsRepeating)
        {
            tag = entry.Tag;
            return true;
        }

        return DicomTag.TryParse(text, out tag);
    }

    private static IReadOnlyList<string>? ReadStrings(JsonObjectReader reader, string key, string itemForm, Func<string, bool> isValid)
    {
        var items = reader.Array(key, 1, "a non-empty array of strings", required: true);
        if (items is null)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var (element, path) in items)
        {
            if (element.ValueKind == JsonValueKind.String && isValid(element.GetString()!))
            {
                values.Add(element.GetString()!);
            }
            else
            {
                reader.AddError(ManifestErrorKind.Invalid, path, JsonObjectReader.ValueText(element), itemForm);
            }
        }

        return values.Count == items.Count ? values : null;
    }

    private static IntegerRange? ReadIntegerRange(JsonObjectReader? reader, int min, int max)
    {
        if (reader is null)
        {
            return null;
        }

        var expected = $"an integer from {min} to {max}";
        var low = reader.Integer("Min", min, max, expected);
        var high = reader.Integer("Max", min, max, expected);
        reader.ReportUnknownKeys();
        if (low is null || high is null)
        {
            return null;
        }

        if (low > high)
        {
            reader.AddError(ManifestErrorKind.Invalid, reader.KeyPath("Max"), high.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"an integer from Min ({low}) to {max}");
            return null;
        }

        return new IntegerRange(low.Value, high.Value);
    }

    private static bool IsUid(string text) => text.Length <= 64 && UidPattern().IsMatch(text);

    [GeneratedRegex("^[A-Z0-9 _]{1,16}$")]
    private static partial Regex CodeStringPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$")]
    private static partial Regex UidPattern();
}
