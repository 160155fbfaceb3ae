using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Node.Dicom.Tests.Json;

/// <summary>What kind of disagreement <see cref="DicomJsonComparer"/> found at one element.</summary>
internal enum JsonDifferenceKind
{
    /// <summary>DCMTK writes the element and we do not.</summary>
    MissingHere,

    /// <summary>We write the element and DCMTK does not.</summary>
    MissingInDcmtk,

    /// <summary>The two "vr" members differ; the values may still agree once read in DCMTK's VR.</summary>
    VR,

    /// <summary>The values differ: count, kind or content.</summary>
    Value,
}

/// <summary>One disagreement, at a path of tags and item indexes such as "00081140[0].00081150".</summary>
internal sealed record JsonDifference(JsonDifferenceKind Kind, string Path, string Detail)
{
    public string Tag => Path[(Path.LastIndexOf('.') + 1)..];

    public override string ToString() => $"{Kind} at {Path}: {Detail}";
}

/// <summary>
/// Compares our DICOM JSON with DCMTK's for the same data set: the same tags at every level,
/// the same VR, and the same values (strings after trimming, numbers by value, PN by component
/// group, InlineBinary as bytes).
/// </summary>
internal static class DicomJsonComparer
{
    private static readonly string[] TextVRs =
        ["AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"];

    private static readonly string[] SingleValuedTextVRs = ["LT", "ST", "UT", "UR"];

    public static List<JsonDifference> Compare(JsonElement ours, JsonElement dcmtk)
    {
        var differences = new List<JsonDifference>();
        CompareDatasets(ours, dcmtk, string.Empty, differences);
        return differences;
    }

    private static void CompareDatasets(JsonElement ours, JsonElement dcmtk, string prefix, List<JsonDifference> differences)
    {
        var ourTags = ours.EnumerateObject().Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
        var dcmtkTags = dcmtk.EnumerateObject().Select(member => member.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var tag in dcmtkTags.Except(ourTags).Order(StringComparer.Ordinal))
        {
            differences.Add(new JsonDifference(JsonDifferenceKind.MissingHere, prefix + tag, "vr " + dcmtk.GetProperty(tag).GetProperty("vr").GetString()));
        }

        foreach (var tag in ourTags.Except(dcmtkTags).Order(StringComparer.Ordinal))
        {
            differences.Add(new JsonDifference(JsonDifferenceKind.MissingInDcmtk, prefix + tag, "vr " + ours.GetProperty(tag).GetProperty("vr").GetString()));
        }

        foreach (var tag in ourTags.Intersect(dcmtkTags).Order(StringComparer.Ordinal))
        {
            CompareElements(ours.GetProperty(tag), dcmtk.GetProperty(tag), prefix + tag, differences);
        }
    }

    private static void CompareElements(JsonElement ours, JsonElement dcmtk, string path, List<JsonDifference> differences)
    {
        var ourVR = ours.GetProperty("vr").GetString()!;
        var dcmtkVR = dcmtk.GetProperty("vr").GetString()!;
        var ourValues = Values(ours, ourVR);
        var dcmtkValues = Values(dcmtk, dcmtkVR);

        if (ourVR != dcmtkVR)
        {
            // An element we read as UN still has to carry the bytes of DCMTK's value.
            var agree = ourVR == "UN" && ReadAs(ours, dcmtkVR) is { } reread && ValueDifference(reread, dcmtkValues, dcmtkVR) is null;
            differences.Add(new JsonDifference(JsonDifferenceKind.VR, path, $"{ourVR} here, {dcmtkVR} in DCMTK; values {(agree ? "agree" : "differ")}"));
            return;
        }

        if (ourVR == "SQ")
        {
            CompareItems(ours, dcmtk, path, differences);
            return;
        }

        if (ValueDifference(ourValues, dcmtkValues, ourVR) is { } detail)
        {
            differences.Add(new JsonDifference(JsonDifferenceKind.Value, path, detail));
        }
    }

    private static void CompareItems(JsonElement ours, JsonElement dcmtk, string path, List<JsonDifference> differences)
    {
        var ourItems = ArrayOrEmpty(ours, "Value");
        var dcmtkItems = ArrayOrEmpty(dcmtk, "Value");
        if (ourItems.Count != dcmtkItems.Count)
        {
            differences.Add(new JsonDifference(JsonDifferenceKind.Value, path, $"{ourItems.Count} items here, {dcmtkItems.Count} in DCMTK"));
            return;
        }

        for (var i = 0; i < ourItems.Count; i++)
        {
            CompareDatasets(ourItems[i], dcmtkItems[i], $"{path}[{i}].", differences);
        }
    }

    /// <summary>The values of an element in a form that compares with Equals: strings, decimals, doubles, byte strings or PN group lists.</summary>
    private static List<string?> Values(JsonElement element, string vr)
    {
        if (element.TryGetProperty("InlineBinary", out var binary))
        {
            return [Convert.ToHexString(binary.GetBytesFromBase64())];
        }

        return [.. ArrayOrEmpty(element, "Value").Select(value => Normalize(value, vr))];
    }

    private static string? Normalize(JsonElement value, string vr)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                return NormalizeNumber(value.GetRawText(), vr);
            case JsonValueKind.Object:
                return NormalizePersonName(value);
            default:
                // DS and IS values that are not valid numbers are strings on one side; compare by value where they parse.
                var text = value.GetString()!.Trim();
                return vr is "DS" or "IS" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? NormalizeNumber(text, vr)
                    : text;
        }
    }

    /// <summary>Formats a number so equal values give equal text. FL is compared as float, because DCMTK prints a float with 9 digits.</summary>
    private static string NormalizeNumber(string text, string vr)
    {
        if (vr is "DS" or "IS" && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return "n:" + (exact / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }

        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return vr == "FL"
            ? "n:" + ((float)number).ToString("R", CultureInfo.InvariantCulture)
            : "n:" + number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string NormalizePersonName(JsonElement name)
    {
        var groups = new StringBuilder("pn:");
        foreach (var group in new[] { "Alphabetic", "Ideographic", "Phonetic" })
        {
            var text = name.TryGetProperty(group, out var value) ? value.GetString()!.Trim() : string.Empty;
            groups.Append(group).Append('=').Append(text).Append(';');
        }

        return groups.ToString();
    }

    private static string? ValueDifference(List<string?> ours, List<string?> dcmtk, string vr)
    {
        if (ours.Count != dcmtk.Count)
        {
            return $"{ours.Count} values here [{Show(ours)}], {dcmtk.Count} in DCMTK [{Show(dcmtk)}] (VR {vr})";
        }

        for (var i = 0; i < ours.Count; i++)
        {
            if (ours[i] != dcmtk[i])
            {
                return $"value {i} is '{ours[i]}' here, '{dcmtk[i]}' in DCMTK (VR {vr})";
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the InlineBinary of an element we wrote as UN in DCMTK's VR. Returns null unless
    /// that VR is a text or binary number VR.
    /// </summary>
    private static List<string?>? ReadAs(JsonElement ours, string vr)
    {
        var bytes = ours.TryGetProperty("InlineBinary", out var binary) ? binary.GetBytesFromBase64() : [];
        if (TextVRs.Contains(vr))
        {
            var text = Encoding.Latin1.GetString(bytes).TrimEnd(' ', '\0');
            if (text.Length == 0)
            {
                return [];
            }

            var parts = SingleValuedTextVRs.Contains(vr) ? [text] : text.Split('\\');
            return [.. parts.Select(part => part.Trim(' ', '\0')).Select(part => part.Length == 0 ? null : ReadTextAs(part, vr))];
        }

        return ReadNumbersAs(bytes, vr);
    }

    private static string ReadTextAs(string text, string vr) => vr switch
    {
        "PN" => "pn:" + string.Concat(text.Split('=').Concat(["", "", ""]).Take(3)
            .Select((group, i) => new[] { "Alphabetic", "Ideographic", "Phonetic" }[i] + "=" + group.Trim() + ";")),
        "DS" or "IS" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => NormalizeNumber(text, vr),
        _ => text,
    };

    private static List<string?>? ReadNumbersAs(byte[] bytes, string vr)
    {
        var size = vr switch
        {
            "US" or "SS" => 2,
            "UL" or "SL" or "FL" or "AT" => 4,
            "FD" or "SV" or "UV" => 8,
            _ => 0,
        };
        if (size == 0 || bytes.Length % size != 0)
        {
            return null;
        }

        var values = new List<string?>();
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var span = bytes.AsSpan(offset, size);
            values.Add(vr switch
            {
                "US" => "n:" + BitConverter.ToUInt16(span),
                "SS" => "n:" + BitConverter.ToInt16(span),
                "UL" => "n:" + BitConverter.ToUInt32(span),
                "SL" => "n:" + BitConverter.ToInt32(span),
                "SV" => "n:" + BitConverter.ToInt64(span),
                "UV" => "n:" + BitConverter.ToUInt64(span),
                "FL" => "n:" + BitConverter.ToSingle(span).ToString("R", CultureInfo.InvariantCulture),
                "FD" => "n:" + BitConverter.ToDouble(span).ToString("R", CultureInfo.InvariantCulture),
                _ => $"{BitConverter.ToUInt16(span):X4}{BitConverter.ToUInt16(span[2..]):X4}",
            });
        }

        return values;
    }

    private static List<JsonElement> ArrayOrEmpty(JsonElement element, string member) =>
        element.TryGetProperty(member, out var array) ? [.. array.EnumerateArray()] : [];

    private static string Show(List<string?> values) => string.Join(", ", values.Take(8).Select(value => value ?? "null"));
}
