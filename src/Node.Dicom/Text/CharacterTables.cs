namespace Node.Dicom.Text;

/// <summary>
/// Builds the lookup tables of the ISO 2022 graphic character sets from .NET code pages, with
/// the few positions where a Windows code page departs from the ISO or national standard
/// corrected. Every correction matches CPython 3.11's codec for the same set, which the tests
/// compare against position by position.
/// </summary>
internal static class CharacterTables
{
    /// <summary>Number of entries in an upper-half table, one per byte 0x80-0xFF.</summary>
    public const int UpperHalfLength = 128;

    /// <summary>Rows and cells of a 94 x 94 double-byte set, each numbered by a byte 0x21-0x7E.</summary>
    public const int DoubleByteSide = 94;

    public const byte UpperHalfStart = 0x80;
    public const byte FirstGraphic = 0x21;

    private const byte HighBit = 0x80;
    private const byte FirstUpperGraphic = 0xA0;
    private const byte FirstKatakana = 0xA1;
    private const byte LastKatakana = 0xDF;
    private const char HalfwidthIdeographicFullStop = '\uFF61';
    private const char FirstPrivateUse = '\uE000';
    private const char LastPrivateUse = '\uF8FF';

    /// <summary>
    /// Builds the 0x80-0xFF half of an ISO 8859 style set: the C1 control range 0x80-0x9F as
    /// U+0080-U+009F, as CPython's ISO 8859 codecs decode it, and 0xA0-0xFF decoded by <paramref name="codePage"/>.
    /// Positions the code page leaves undefined, or maps to the Private Use Area, become U+FFFD.
    /// </summary>
    public static char[] UpperHalfFromCodePage(int codePage, params (byte Code, char Character)[] corrections)
    {
        var table = C1ControlsThenReplacement();
        var encoding = CodePages.Get(codePage);
        Span<byte> code = stackalloc byte[1];
        Span<char> decoded = stackalloc char[4];

        for (int value = FirstUpperGraphic; value <= byte.MaxValue; value++)
        {
            code[0] = (byte)value;
            var length = encoding.GetChars(code, decoded);
            table[value - UpperHalfStart] = SingleMappedCharacter(decoded[..length]);
        }

        foreach (var (codeValue, character) in corrections)
        {
            table[codeValue - UpperHalfStart] = character;
        }

        return table;
    }

    /// <summary>Builds the 0x80-0xFF half of ISO 8859-1, where every byte is its own code point.</summary>
    public static char[] Latin1UpperHalf()
    {
        var table = new char[UpperHalfLength];
        for (var index = 0; index < table.Length; index++)
        {
            table[index] = (char)(UpperHalfStart + index);
        }

        return table;
    }

    /// <summary>
    /// Builds the 0x80-0xFF half of JIS X 0201: the 63 halfwidth katakana at 0xA1-0xDF map to
    /// U+FF61-U+FF9F in order; C1 controls at 0x80-0x9F; the rest is undefined.
    /// </summary>
    public static char[] JisX0201KatakanaUpperHalf()
    {
        var table = C1ControlsThenReplacement();
        for (int value = FirstKatakana; value <= LastKatakana; value++)
        {
            table[value - UpperHalfStart] = (char)(HalfwidthIdeographicFullStop + (value - FirstKatakana));
        }

        return table;
    }

    /// <summary>
    /// Builds a 94 x 94 table indexed by (row - 0x21) * 94 + (cell - 0x21), decoding each
    /// pair as <paramref name="codePage"/> encodes it: the row byte always with the high bit set,
    /// the cell byte with it set when <paramref name="cellHasHighBit"/>. Pairs the code page
    /// cannot decode, or maps to the Private Use Area, become U+FFFD. Each correction's code is
    /// row byte * 256 + cell byte, both 0x21-0x7E.
    /// </summary>
    public static char[] DoubleByteFromCodePage(int codePage, bool cellHasHighBit, params (int Code, char Character)[] corrections)
    {
        var table = new char[DoubleByteSide * DoubleByteSide];
        var encoding = CodePages.Get(codePage);
        var cellBit = cellHasHighBit ? HighBit : (byte)0;
        Span<byte> pair = stackalloc byte[2];
        Span<char> decoded = stackalloc char[4];

        for (var row = 0; row < DoubleByteSide; row++)
        {
            for (var cell = 0; cell < DoubleByteSide; cell++)
            {
                pair[0] = (byte)((FirstGraphic + row) | HighBit);
                pair[1] = (byte)((FirstGraphic + cell) | cellBit);
                var length = encoding.GetChars(pair, decoded);
                table[(row * DoubleByteSide) + cell] = SingleMappedCharacter(decoded[..length]);
            }
        }

        foreach (var (code, character) in corrections)
        {
            var row = (code >> 8) - FirstGraphic;
            var cell = (code & 0xFF) - FirstGraphic;
            table[(row * DoubleByteSide) + cell] = character;
        }

        return table;
    }

    private static char[] C1ControlsThenReplacement()
    {
        var table = new char[UpperHalfLength];
        for (var index = 0; index < table.Length; index++)
        {
            var value = UpperHalfStart + index;
            table[index] = value < FirstUpperGraphic ? (char)value : CodePages.Replacement;
        }

        return table;
    }

    private static char SingleMappedCharacter(ReadOnlySpan<char> decoded)
    {
        if (decoded.Length != 1)
        {
            return CodePages.Replacement;
        }

        var character = decoded[0];
        return character is >= FirstPrivateUse and <= LastPrivateUse ? CodePages.Replacement : character;
    }
}
