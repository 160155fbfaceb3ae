using System.Buffers;
using Node.Dicom.Vr;

namespace Node.Dicom.Text;

/// <summary>
/// Decodes a text value under ISO 2022 code extensions (PS3.5 6.1.2.5): escape sequences
/// designate graphic character sets to G0 and G1, and at every delimiter the sets that value 1
/// of Specific Character Set designates are active again. Sets with no code extensions but a
/// single-byte repertoire (ISO_IR 100 and the like) decode here too, as a G1 set that no escape
/// sequence changes.
/// </summary>
/// <remarks>
/// Every recognized escape sequence switches sets, whether or not (0008,0005) lists its term,
/// because files that omit the term still mean the set the sequence names. Malformed input never
/// throws: an unknown or truncated escape sequence, a byte that the active set does not define
/// and a lone byte of a double-byte set each decode as U+FFFD.
/// </remarks>
internal static class Iso2022Decoder
{
    private const byte CarriageReturn = 0x0D;
    private const byte LineFeed = 0x0A;
    private const byte FormFeed = 0x0C;
    private const byte Tab = 0x09;
    private const byte Backslash = 0x5C;
    private const byte Caret = 0x5E;
    private const byte EqualsSign = 0x3D;

    /// <summary>Bytes 0x20-0x2F that may follow ESC before the final byte (ISO 2022 intermediate bytes).</summary>
    private const byte FirstIntermediate = 0x20;
    private const byte LastIntermediate = 0x2F;

    /// <summary>Bytes 0x30-0x7E that end an escape sequence (ISO 2022 final bytes).</summary>
    private const byte FirstFinal = 0x30;
    private const byte LastFinal = 0x7E;

    private const byte FirstG0Graphic = 0x21;
    private const byte LastG0Graphic = 0x7E;
    private const byte FirstG1Graphic = 0xA1;
    private const byte LastG1Graphic = 0xFE;
    private const byte FirstUpperHalf = 0x80;

    /// <summary>Values up to this many bytes decode into a stack buffer; longer ones rent an array.</summary>
    private const int StackBufferLength = 256;

    /// <summary>
    /// Decodes <paramref name="value"/> whole, with <paramref name="initialG1"/> active in G1 at
    /// the start and after each delimiter. Each byte, pair or escape sequence yields at most one
    /// character, so the result is never longer than the value.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> value, GraphicCharacterSet initialG1, DicomVR vr)
    {
        char[]? rented = null;
        Span<char> buffer = value.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            var written = DecodeInto(value, initialG1, vr, buffer);
            return new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int DecodeInto(ReadOnlySpan<byte> value, GraphicCharacterSet initialG1, DicomVR vr, Span<char> output)
    {
        var g0 = GraphicCharacterSet.Ascii;
        var g1 = initialG1;
        var read = 0;
        var written = 0;

        while (read < value.Length)
        {
            var rest = value[read..];
            var current = rest[0];

            // An escape sequence designates a set and yields no character unless it is invalid.
            if (current == GraphicCharacterSet.Esc)
            {
                read += ApplyEscapeSequence(rest, ref g0, ref g1, out var replaced);
                if (replaced)
                {
                    output[written++] = CodePages.Replacement;
                }

                continue;
            }

            // Bytes with the high bit set belong to G1 whatever G0 holds.
            if (current >= FirstUpperHalf)
            {
                read += DecodeG1(rest, g1, out output[written++]);
                continue;
            }

            // In a double-byte G0 set two graphic bytes make one character, even where one of
            // them has the code of a delimiter.
            if (g0.IsDoubleByte && rest.Length > 1 && IsG0Graphic(current) && IsG0Graphic(rest[1]))
            {
                output[written++] = g0.DecodeDoubleByte(current, rest[1]);
                read += 2;
                continue;
            }

            // A delimiter makes the sets of value 1 active again (PS3.5 6.1.2.5.3).
            if (IsDelimiter(current, vr))
            {
                g0 = GraphicCharacterSet.Ascii;
                g1 = initialG1;
                output[written++] = (char)current;
                read++;
                continue;
            }

            // Controls and space decode as themselves; a graphic byte left without its partner
            // in a double-byte G0 set is invalid.
            output[written++] = g0.IsDoubleByte && IsG0Graphic(current) ? CodePages.Replacement : (char)current;
            read++;
        }

        return written;
    }

    /// <summary>
    /// Reads the escape sequence at the start of <paramref name="rest"/> and designates the set
    /// it names. Returns the bytes consumed: the whole sequence when it is complete, else only ESC.
    /// <paramref name="replaced"/> is true when the sequence is unknown or incomplete and so
    /// decodes as U+FFFD.
    /// </summary>
    private static int ApplyEscapeSequence(ReadOnlySpan<byte> rest, ref GraphicCharacterSet g0, ref GraphicCharacterSet g1, out bool replaced)
    {
        var length = 1;
        while (length < rest.Length && rest[length] is >= FirstIntermediate and <= LastIntermediate)
        {
            length++;
        }

        var complete = length < rest.Length && rest[length] is >= FirstFinal and <= LastFinal;
        if (!complete)
        {
            replaced = true;
            return 1;
        }

        var sequence = rest[..(length + 1)];
        var designated = FindDesignatedSet(sequence);
        replaced = designated is null;
        if (designated?.Element == CodeElement.G0)
        {
            g0 = designated;
        }
        else if (designated is not null)
        {
            g1 = designated;
        }

        return sequence.Length;
    }

    private static GraphicCharacterSet? FindDesignatedSet(ReadOnlySpan<byte> sequence)
    {
        var sets = GraphicCharacterSet.All;
        for (var index = 0; index < sets.Count; index++)
        {
            if (sequence.SequenceEqual(sets[index].EscapeSequence))
            {
                return sets[index];
            }
        }

        return null;
    }

    /// <summary>Decodes the G1 character at the start of <paramref name="rest"/>; returns the bytes consumed.</summary>
    private static int DecodeG1(ReadOnlySpan<byte> rest, GraphicCharacterSet g1, out char character)
    {
        if (!g1.IsDoubleByte)
        {
            character = g1.DecodeUpperHalf(rest[0]);
            return 1;
        }

        if (rest.Length > 1 && IsG1Graphic(rest[0]) && IsG1Graphic(rest[1]))
        {
            character = g1.DecodeDoubleByte(rest[0], rest[1]);
            return 2;
        }

        character = CodePages.Replacement;
        return 1;
    }

    /// <summary>
    /// True for the bytes after which value 1's sets are active again: CR, LF, FF and TAB in every
    /// text VR, the backslash in multi-valued VRs, and '^' and '=' in PN.
    /// </summary>
    private static bool IsDelimiter(byte code, DicomVR vr) => code switch
    {
        CarriageReturn or LineFeed or FormFeed or Tab => true,
        Backslash => vr.IsMultiValued,
        Caret or EqualsSign => vr == DicomVR.PN,
        _ => false,
    };

    private static bool IsG0Graphic(byte code) => code is >= FirstG0Graphic and <= LastG0Graphic;

    private static bool IsG1Graphic(byte code) => code is >= FirstG1Graphic and <= LastG1Graphic;
}
