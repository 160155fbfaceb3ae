using System.Globalization;

namespace Node.Reports.Evaluation;

/// <summary>
/// Ground-truth labels from labels.csv: a header "StudyInstanceUID,FindingId,Label", then one
/// row per study and finding with label 0 (absent) or 1 (present), as the phantom generator
/// writes them.
/// </summary>
public sealed class LabelSet
{
    public const string Header = "StudyInstanceUID,FindingId,Label";

    private readonly Dictionary<(string Study, string Finding), bool> _labels;

    private LabelSet(Dictionary<(string Study, string Finding), bool> labels)
    {
        _labels = labels;
    }

    public int Count => _labels.Count;

    public IEnumerable<string> StudyInstanceUids => _labels.Keys.Select(key => key.Study).Distinct(StringComparer.Ordinal);

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the line.</exception>
    public static LabelSet ReadFile(string path) => Parse(File.ReadAllLines(path), path);

    /// <exception cref="InvalidDataException">A line is malformed; the message names the line.</exception>
    public static LabelSet Parse(IReadOnlyList<string> lines, string source = "labels")
    {
        if (lines.Count == 0 || !string.Equals(lines[0].Trim(), Header, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: line 1 must be the header \"{Header}\".");
        }

        var labels = new Dictionary<(string, string), bool>();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var (key, value) = ParseRow(line, i + 1, source);
            if (!labels.TryAdd(key, value))
            {
                throw new InvalidDataException($"{source}: line {i + 1}: study {key.Item1} and finding {key.Item2} are labeled twice.");
            }
        }

        return new LabelSet(labels);
    }

    public bool TryGet(string studyInstanceUid, string findingId, out bool present) =>
        _labels.TryGetValue((studyInstanceUid, findingId), out present);

    private static ((string, string) Key, bool Value) ParseRow(string line, int lineNumber, string source)
    {
        var fields = line.Split(',');
        if (fields.Length != 3)
        {
            throw new InvalidDataException($"{source}: line {lineNumber} has {fields.Length.ToString(CultureInfo.InvariantCulture)} fields; expected 3 ({Header}).");
        }

        var label = fields[2].Trim() switch
        {
            "1" => true,
            "0" => false,
            var other => throw new InvalidDataException($"{source}: line {lineNumber}: label \"{other}\" is invalid; expected 0 or 1."),
        };
        return ((fields[0].Trim(), fields[1].Trim()), label);
    }
}
