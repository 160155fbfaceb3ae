using System.Globalization;
using System.Text.Json;

namespace Node.Inference.Packs;

/// <summary>
/// Reads the keys of one JSON object of a manifest, recording each fault with its key path and
/// going on, so that one pass reports every fault. Keys that no read asked for are reported by
/// <see cref="ReportUnknownKeys"/>.
/// </summary>
internal sealed class JsonObjectReader
{
    private const int MaxValueTextLength = 80;

    /// <summary>The object's properties by key; the first of duplicated keys wins, and the duplicate is reported.</summary>
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);

    /// <summary>The keys read so far, in the order the reader asked for them.</summary>
    private readonly List<string> _knownKeys = [];

    private readonly List<ManifestError> _errors;

    private JsonObjectReader(JsonElement element, string path, List<ManifestError> errors)
    {
        Path = path;
        _errors = errors;
        foreach (var property in element.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                errors.Add(new ManifestError(ManifestErrorKind.DuplicateKey, KeyPath(property.Name), null, "each key once"));
            }
        }
    }

    public string Path { get; }

    /// <summary>The list every fault goes to, shared by the readers of one manifest.</summary>
    public List<ManifestError> Errors => _errors;

    /// <summary>Returns a reader for an object, or null after recording an error where the element is not one.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<ManifestError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ManifestError(ManifestErrorKind.Invalid, path, ValueText(element), "a JSON object"));
            return null;
        }

        return new JsonObjectReader(element, path, errors);
    }

    public string KeyPath(string key) => $"{Path}.{key}";

    public void AddError(ManifestErrorKind kind, string path, string? value, string expected) =>
        _errors.Add(new ManifestError(kind, path, value, expected));

    /// <summary>Returns a string that <paramref name="isValid"/> accepts, or null after recording why not.</summary>
    public string? String(string key, string expected, Func<string, bool> isValid, bool required = true)
    {
        if (!TryGet(key, expected, required, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !isValid(element.GetString()!))
        {
            AddError(ManifestErrorKind.Invalid, KeyPath(key), ValueText(element), expected);
            return null;
        }

        return element.GetString();
    }

    /// <summary>Returns a number in [min, max], or null after recording why not.</summary>
    public double? Number(string key, double min, double max, string expected, bool required = true)
    {
        if (!TryGet(key, expected, required, out var element))
        {
            return null;
        }

        return ReadNumber(element, KeyPath(key), min, max, expected);
    }

    /// <summary>Returns an integer in [min, max], or null after recording why not.</summary>
    public int? Integer(string key, int min, int max, string expected, bool required = true)
    {
        if (!TryGet(key, expected, required, out var element))
        {
            return null;
        }

        return ReadInteger(element, KeyPath(key), min, max, expected);
    }

    public bool? Boolean(string key, bool required = true)
    {
        const string expected = "true or false";
        if (!TryGet(key, expected, required, out var element))
        {
            return null;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            AddError(ManifestErrorKind.Invalid, KeyPath(key), ValueText(element), expected);
            return null;
        }

        return element.GetBoolean();
    }

    /// <summary>Returns the value a string maps to in <paramref name="choices"/>, or null after recording why not.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = true)
        where T : struct
    {
        var expected = "one of " + string.Join(", ", choices.Keys.Select(name => $"\"{name}\""));
        var text = String(key, expected, choices.ContainsKey, required);
        return text is null ? null : choices[text];
    }

    /// <summary>Returns a reader for a nested object, or null after recording why not.</summary>
    public JsonObjectReader? Object(string key, string expected, bool required = true)
    {
        if (!TryGet(key, expected, required, out var element))
        {
            return null;
        }

        return Open(element, KeyPath(key), _errors);
    }

    /// <summary>Returns the items of an array with their key paths, or null after recording why not.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)>? Array(string key, int minCount, string expected, bool required = true)
    {
        if (!TryGet(key, expected, required, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() < minCount)
        {
            AddError(ManifestErrorKind.Invalid, KeyPath(key), ValueText(element), expected);
            return null;
        }

        return [.. element.EnumerateArray().Select((item, index) => (item, $"{KeyPath(key)}[{index}]"))];
    }

    /// <summary>Records every key of the object that no read asked for.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var key in _properties.Keys.Where(key => !_knownKeys.Contains(key)))
        {
            AddError(ManifestErrorKind.UnknownKey, KeyPath(key), ValueText(_properties[key]), string.Join(", ", _knownKeys));
        }
    }

    public double? ReadNumber(JsonElement element, string path, double min, double max, string expected)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || value < min || value > max)
        {
            AddError(ManifestErrorKind.Invalid, path, ValueText(element), expected);
            return null;
        }

        return value;
    }

    public int? ReadInteger(JsonElement element, string path, int min, int max, string expected)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < min || value > max)
        {
            AddError(ManifestErrorKind.Invalid, path, ValueText(element), expected);
            return null;
        }

        return value;
    }

    /// <summary>Returns a value as compact JSON text, cut to a readable length.</summary>
    public static string ValueText(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= MaxValueTextLength ? text : text[..MaxValueTextLength] + "…";
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private bool TryGet(string key, string expected, bool required, out JsonElement element)
    {
        if (!_knownKeys.Contains(key))
        {
            _knownKeys.Add(key);
        }

        if (_properties.TryGetValue(key, out element) && element.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            AddError(ManifestErrorKind.Missing, KeyPath(key), null, expected);
        }

        return false;
    }
}
