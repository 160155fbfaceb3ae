using static Node.Dicom.Text.CodeElement;

namespace Node.Dicom.Text;

/// <summary>
/// A graphic character set that a DICOM escape sequence designates to G0 or G1 (PS3.3 Tables
/// C.12-3 and C.12-4), with its table from bytes to characters. Tables are built on first use
/// and then shared by all threads.
/// </summary>
internal sealed class GraphicCharacterSet
{
    /// <summary>ESC, which starts every escape sequence (ISO 2022).</summary>
    public const byte Esc = 0x1B;

    /// <summary>Intermediate byte '(' that designates a 94-character set to G0.</summary>
    private const byte Designate94ToG0 = 0x28;

    /// <summary>Intermediate byte ')' that designates a 94-character set to G1.</summary>
    private const byte Designate94ToG1 = 0x29;

    /// <summary>Intermediate byte '-' that designates a 96-character set to G1.</summary>
    private const byte Designate96ToG1 = 0x2D;

    /// <summary>Intermediate byte '$' that comes first when a multi-byte set is designated.</summary>
    private const byte MultiByte = 0x24;

    private readonly Lazy<char[]>? table;

    private GraphicCharacterSet(string registration, CodeElement element, int bytesPerCharacter, byte[] escapeSequence, Func<char[]>? buildTable)
    {
        Registration = registration;
        Element = element;
        BytesPerCharacter = bytesPerCharacter;
        EscapeSequence = escapeSequence;
        table = buildTable is null ? null : new Lazy<char[]>(buildTable);
    }

    /// <summary>The ISO-IR registration number, for example "ISO-IR 100".</summary>
    public string Registration { get; }

    public CodeElement Element { get; }

    /// <summary>1 for ISO-IR 6, 14, 13 and the ISO 8859 parts, 2 for the 94 x 94 sets.</summary>
    public int BytesPerCharacter { get; }

    public bool IsDoubleByte => BytesPerCharacter == 2;

    /// <summary>The bytes from ESC to the final byte that designate this set.</summary>
    public byte[] EscapeSequence { get; }

    /// <summary>ASCII. The default G0 set, active at the start of every value.</summary>
    public static GraphicCharacterSet Ascii { get; } = new("ISO-IR 6", G0, 1, [Esc, Designate94ToG0, (byte)'B'], null);

    /// <summary>
    /// JIS X 0201 Romaji. It differs from ASCII only at 0x5C (YEN SIGN) and 0x7E (OVERLINE);
    /// both decode as in ASCII so that 0x5C stays the value delimiter, as pydicom also does.
    /// </summary>
    public static GraphicCharacterSet JisX0201Romaji { get; } = new("ISO-IR 14", G0, 1, [Esc, Designate94ToG0, (byte)'J'], null);

    public static GraphicCharacterSet JisX0201Katakana { get; } =
        new("ISO-IR 13", G1, 1, [Esc, Designate94ToG1, (byte)'I'], CharacterTables.JisX0201KatakanaUpperHalf);

    public static GraphicCharacterSet Latin1 { get; } = new("ISO-IR 100", G1, 1, [Esc, Designate96ToG1, (byte)'A'], CharacterTables.Latin1UpperHalf);

    public static GraphicCharacterSet Latin2 { get; } = UpperHalf("ISO-IR 101", (byte)'B', CodePages.Latin2);

    public static GraphicCharacterSet Latin3 { get; } = UpperHalf("ISO-IR 109", (byte)'C', CodePages.Latin3);

    public static GraphicCharacterSet Latin4 { get; } = UpperHalf("ISO-IR 110", (byte)'D', CodePages.Latin4);

    /// <summary>
    /// ISO 8859-7 Greek. Windows maps 0xA1 and 0xA2 to modifier letters and lacks the 2003
    /// additions at 0xA4, 0xA5 and 0xAA; the quotation marks, euro, drachma and ypogegrammeni
    /// of ISO 8859-7:2003 replace them.
    /// </summary>
    public static GraphicCharacterSet Greek { get; } = UpperHalf(
        "ISO-IR 126", (byte)'F', CodePages.Greek,
        (0xA1, '\u2018'), (0xA2, '\u2019'), (0xA4, '\u20AC'), (0xA5, '\u20AF'), (0xAA, '\u037A'));

    public static GraphicCharacterSet Arabic { get; } = UpperHalf("ISO-IR 127", (byte)'G', CodePages.Arabic);

    /// <summary>
    /// ISO 8859-8 Hebrew. Windows maps 0xAF to OVERLINE and leaves 0xFD and 0xFE unmapped, where
    /// later editions of ISO 8859-8 place the direction marks; MACRON, LRM and RLM replace them.
    /// </summary>
    public static GraphicCharacterSet Hebrew { get; } = UpperHalf(
        "ISO-IR 138", (byte)'H', CodePages.Hebrew,
        (0xAF, '\u00AF'), (0xFD, '\u200E'), (0xFE, '\u200F'));

    public static GraphicCharacterSet Cyrillic { get; } = UpperHalf("ISO-IR 144", (byte)'L', CodePages.Cyrillic);

    public static GraphicCharacterSet Latin5 { get; } = UpperHalf("ISO-IR 148", (byte)'M', CodePages.Latin5);

    public static GraphicCharacterSet Latin9 { get; } = UpperHalf("ISO-IR 203", (byte)'b', CodePages.Latin9);

    /// <summary>
    /// TIS 620-2533 Thai. 0xA0, which TIS 620 leaves undefined, decodes as NO-BREAK SPACE as in
    /// ISO 8859-11 and Windows-874.
    /// </summary>
    public static GraphicCharacterSet Thai { get; } = UpperHalf("ISO-IR 166", (byte)'T', CodePages.Thai);

    /// <summary>JIS X 0208 Kanji. NEC and IBM extension rows that code page 20932 adds decode too.</summary>
    public static GraphicCharacterSet JisX0208 { get; } = new(
        "ISO-IR 87", G0, 2, [Esc, MultiByte, (byte)'B'],
        () => CharacterTables.DoubleByteFromCodePage(CodePages.JapaneseJis, cellHasHighBit: true));

    /// <summary>
    /// JIS X 0212 supplementary Kanji. Code page 20932 lacks TILDE at 0x2237 and NUMERO SIGN at
    /// 0x2271; both are added.
    /// </summary>
    public static GraphicCharacterSet JisX0212 { get; } = new(
        "ISO-IR 159", G0, 2, [Esc, MultiByte, Designate94ToG0, (byte)'D'],
        () => CharacterTables.DoubleByteFromCodePage(
            CodePages.JapaneseJis, cellHasHighBit: false, (0x2237, '\u007E'), (0x2271, '\u2116')));

    public static GraphicCharacterSet KsX1001 { get; } = new(
        "ISO-IR 149", G1, 2, [Esc, MultiByte, Designate94ToG1, (byte)'C'],
        () => CharacterTables.DoubleByteFromCodePage(CodePages.Korean, cellHasHighBit: true));

    /// <summary>GB 2312. Code page 20936 lacks DOUBLE VERTICAL LINE at 0x212C; it is added.</summary>
    public static GraphicCharacterSet Gb2312 { get; } = new(
        "ISO-IR 58", G1, 2, [Esc, MultiByte, Designate94ToG1, (byte)'A'],
        () => CharacterTables.DoubleByteFromCodePage(CodePages.SimplifiedChinese, cellHasHighBit: true, (0x212C, '\u2016')));

    /// <summary>Every set an escape sequence can designate.</summary>
    public static IReadOnlyList<GraphicCharacterSet> All { get; } =
    [
        Ascii, JisX0201Romaji, JisX0201Katakana, Latin1, Latin2, Latin3, Latin4, Greek, Arabic, Hebrew,
        Cyrillic, Latin5, Latin9, Thai, JisX0208, JisX0212, KsX1001, Gb2312,
    ];

    /// <summary>Decodes a byte 0x80-0xFF of a single-byte G1 set.</summary>
    public char DecodeUpperHalf(byte code) => Table[code - CharacterTables.UpperHalfStart];

    /// <summary>
    /// Decodes one character of a double-byte set. Only the low seven bits of each byte count,
    /// so G0 bytes 0x21-0x7E and G1 bytes 0xA1-0xFE give the same character.
    /// </summary>
    public char DecodeDoubleByte(byte first, byte second)
    {
        var row = (first & 0x7F) - CharacterTables.FirstGraphic;
        var cell = (second & 0x7F) - CharacterTables.FirstGraphic;
        return Table[(row * CharacterTables.DoubleByteSide) + cell];
    }

    public override string ToString() => Registration;

    private char[] Table => table?.Value ?? throw new InvalidOperationException($"{Registration} decodes as ASCII and has no table.");

    /// <summary>An ISO 8859 style set whose escape sequence is ESC '-' (96-character set to G1) and a final byte.</summary>
    private static GraphicCharacterSet UpperHalf(string registration, byte finalByte, int codePage, params (byte Code, char Character)[] corrections) =>
        new(registration, G1, 1, [Esc, Designate96ToG1, finalByte], () => CharacterTables.UpperHalfFromCodePage(codePage, corrections));
}
