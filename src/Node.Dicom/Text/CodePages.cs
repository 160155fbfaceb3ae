using System.Text;

namespace Node.Dicom.Text;

/// <summary>
/// The Windows and ISO code pages the character sets are built from, taken from
/// <see cref="CodePagesEncodingProvider"/> directly so that the process-wide encoding registry
/// stays untouched.
/// </summary>
internal static class CodePages
{
    /// <summary>The character that stands for bytes no table or decoder can map.</summary>
    public const char Replacement = '\uFFFD';

    public const int Latin2 = 28592;
    public const int Latin3 = 28593;
    public const int Latin4 = 28594;
    public const int Cyrillic = 28595;
    public const int Arabic = 28596;
    public const int Greek = 28597;
    public const int Hebrew = 28598;
    public const int Latin5 = 28599;
    public const int Latin9 = 28605;

    /// <summary>Windows-874: TIS 620 plus NBSP at 0xA0 and Windows additions in 0x80-0x9F.</summary>
    public const int Thai = 874;

    /// <summary>
    /// EUC-style JIS X 0208 (both bytes with the high bit set) and JIS X 0212 (first byte only
    /// with the high bit set), with the JIS rather than the Shift_JIS (CP932) mapping to Unicode.
    /// Code page 51932 (EUC-JP) uses the CP932 mapping and has no JIS X 0212, so it is not used.
    /// </summary>
    public const int JapaneseJis = 20932;

    /// <summary>Unified Hangul Code, a superset of EUC-KR, which encodes KS X 1001 as byte pairs 0xA1-0xFE.</summary>
    public const int Korean = 949;

    /// <summary>GB 2312-80 in EUC-CN form, with the GB 2312 rather than the GBK mapping of row 1.</summary>
    public const int SimplifiedChinese = 20936;

    public const int Gbk = 936;
    public const int Gb18030 = 54936;

    /// <summary>
    /// Gets a code page whose decoder turns every invalid byte sequence into U+FFFD instead of
    /// the default '?'.
    /// </summary>
    /// <exception cref="NotSupportedException">The runtime has no such code page.</exception>
    public static Encoding Get(int codePage)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(
            codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Replacement.ToString()));
        return encoding ?? throw new NotSupportedException($"Code page {codePage} is not available from CodePagesEncodingProvider.");
    }
}
