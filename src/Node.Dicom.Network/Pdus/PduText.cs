using System.Text;

namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Converts UIDs and AE titles between PDU bytes and strings. Bytes are decoded as Latin-1 so that
/// every byte, even one above 0x7F, survives as one character and a validator can reject it.
/// </summary>
public static class PduText
{
    public static string DecodeUid(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is 0x00 or (byte)' ')
        {
            end--;
        }

        return Encoding.Latin1.GetString(bytes[..end]);
    }

    /// <summary>Decodes an AE title with its leading and trailing spaces removed (PS3.5: they are not significant).</summary>
    public static string DecodeAeTitle(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes).Trim(' ');

    /// <summary>True where a UID has only digits and dots, 1 to 64 characters, with no empty component.</summary>
    public static bool IsValidUid(string uid)
    {
        if (uid.Length is 0 or > 64 || uid[0] == '.' || uid[^1] == '.' || uid.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return uid.All(c => c is '.' or (>= '0' and <= '9'));
    }

    /// <summary>
    /// True where an AE title, already stripped of leading and trailing spaces, is 1 to 16
    /// characters of the default repertoire without control characters or backslash (PS3.5 AE).
    /// </summary>
    public static bool IsValidAeTitle(string aeTitle)
    {
        if (aeTitle.Length is 0 or > PduLayout.AeTitleLength)
        {
            return false;
        }

        return aeTitle.All(c => c is >= ' ' and <= '~' and not '\\');
    }

    /// <summary>Encodes an AE title into its 16-byte field, space padded.</summary>
    public static byte[] EncodeAeTitle(string aeTitle)
    {
        var field = new byte[PduLayout.AeTitleLength];
        field.AsSpan().Fill((byte)' ');
        var trimmed = aeTitle.Trim(' ');
        var length = Math.Min(trimmed.Length, PduLayout.AeTitleLength);
        Encoding.Latin1.GetBytes(trimmed.AsSpan(0, length), field);
        return field;
    }
}
