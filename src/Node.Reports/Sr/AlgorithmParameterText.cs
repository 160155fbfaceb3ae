namespace Node.Reports.Sr;

/// <summary>Prefixes of the Algorithm Parameters (111002) TEXT values, so a reader tells the two hashes apart.</summary>
public static class AlgorithmParameterText
{
    public const string OnnxSha256Prefix = "onnx-sha256=";
    public const string SettingsSha256Prefix = "settings-sha256=";
}
