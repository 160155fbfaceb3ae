namespace Node.Inference.Packs;

/// <summary>A model pack that cannot be loaded; lists every fault found, not only the first.</summary>
public sealed class ModelPackException : Exception
{
    public ModelPackException(string packPath, IReadOnlyList<ManifestError> errors, Exception? innerException = null)
        : base(FormatMessage(packPath, errors), innerException)
    {
        PackPath = packPath;
        Errors = errors;
    }

    /// <summary>The pack's folder.</summary>
    public string PackPath { get; }

    public IReadOnlyList<ManifestError> Errors { get; }

    private static string FormatMessage(string packPath, IReadOnlyList<ManifestError> errors)
    {
        var lines = errors.Select(error => "  " + error.Message);
        return $"Model pack '{packPath}' is invalid ({errors.Count} error(s)):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
