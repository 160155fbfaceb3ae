using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>
/// The typefaces printed on SC images: DejaVu Sans, which covers Latin and Cyrillic, from
/// Debian's fonts-dejavu-core. It is found at run time; a node without it fails with a message
/// naming the package, never with boxes in place of letters.
/// </summary>
public sealed class ReportFont
{
    public const string DebianPackage = "fonts-dejavu-core";

    /// <summary>Folders where distributions install DejaVu Sans.</summary>
    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
    ];

    private const string RegularFile = "DejaVuSans.ttf";
    private const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lazy<ReportFont> Shared = new(Load);

    private ReportFont(SKTypeface regular, SKTypeface bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>The font loaded once per process.</summary>
    /// <exception cref="FileNotFoundException">DejaVu Sans is not installed.</exception>
    public static ReportFont Default => Shared.Value;

    private static ReportFont Load()
    {
        var regular = Find(RegularFile) ?? throw new FileNotFoundException(
            $"The font {RegularFile} (with Cyrillic letters) was not found in {string.Join(", ", Folders)}; install it with: apt-get install -y {DebianPackage}",
            RegularFile);
        var bold = Find(BoldFile) ?? regular;
        return new ReportFont(
            SKTypeface.FromFile(regular) ?? throw new FileNotFoundException($"The font file {regular} cannot be read; reinstall {DebianPackage}.", regular),
            SKTypeface.FromFile(bold) ?? SKTypeface.FromFile(regular)!);
    }

    private static string? Find(string fileName) =>
        Folders.Select(folder => Path.Combine(folder, fileName)).FirstOrDefault(File.Exists);
}
