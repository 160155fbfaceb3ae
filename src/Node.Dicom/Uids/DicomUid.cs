using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Node.Dicom.Uids;

/// <summary>Checks, makes and cleans UIDs by the rules of PS3.5 chapter 9 and Annex B.</summary>
public static class DicomUid
{
    /// <summary>The maximum length of a UID in characters, padding excluded.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// The root of UIDs made from a UUID (ISO/IEC 9834-8, PS3.5 B.2), which needs no registration.
    /// The rest of such a UID is the UUID's 128 bits as one unsigned decimal number.
    /// </summary>
    public const string UuidRoot = "2.25.";

    private const int UuidByteCount = 16;

    private const int VersionByteIndex = 6;

    private const byte VersionClearMask = 0x0F;

    /// <summary>UUID version 4 (random), in the high nibble of byte 6 (RFC 9562 5.4).</summary>
    private const byte RandomVersionBits = 0x40;

    /// <summary>UUID version 8 (custom, here name-based on SHA-256), in the high nibble of byte 6 (RFC 9562 5.8).</summary>
    private const byte CustomVersionBits = 0x80;

    private const int VariantByteIndex = 8;

    private const byte VariantClearMask = 0x3F;

    /// <summary>The RFC 4122 variant, binary 10 in the top two bits of byte 8.</summary>
    private const byte Rfc4122VariantBits = 0x80;

    private static readonly char[] PaddingCharacters = ['\0', ' '];

    private enum Fault
    {
        None,
        Empty,
        TooLong,
        InvalidCharacter,
        LeadingDot,
        EmptyComponent,
        TrailingDot,
        LeadingZero,
    }

    /// <summary>
    /// True when <paramref name="uid"/> obeys PS3.5 9.1: 1 to 64 characters, only digits and dots,
    /// no empty component, no leading or trailing dot, and no leading zero in a component other
    /// than "0". Padding counts as a fault, so trim a value read from a data set first.
    /// </summary>
    public static bool IsValid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return FindFault(uid, out _) == Fault.None;
    }

    /// <summary>
    /// Checks <paramref name="uid"/> by the rules of <see cref="IsValid"/>.
    /// </summary>
    /// <returns>
    /// Null for a valid UID. Otherwise a sentence that names the first fault and its zero-based
    /// character index, for example "UID has an empty component at index 4 (two dots in a row).".
    /// The sentence does not repeat the UID.
    /// </returns>
    public static string? Validate(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var fault = FindFault(uid, out var index);
        return fault switch
        {
            Fault.None => null,
            Fault.Empty => "UID is empty.",
            Fault.TooLong => $"UID has {uid.Length} characters, more than the maximum of {MaxLength}.",
            Fault.InvalidCharacter => $"UID has the character {DescribeCharacter(uid[index])} at index {index}, where only digits and dots are allowed.",
            Fault.LeadingDot => "UID starts with a dot at index 0.",
            Fault.EmptyComponent => $"UID has an empty component at index {index} (two dots in a row).",
            Fault.TrailingDot => $"UID ends with a dot at index {index}.",
            Fault.LeadingZero => $"UID has a component with a leading zero at index {index}. Only the component \"0\" may start with 0.",
            _ => throw new InvalidOperationException($"Unhandled UID fault {fault}."),
        };
    }

    /// <summary>
    /// Makes a new UID under <see cref="UuidRoot"/> from a random UUID (version 4, 122 random bits
    /// from <see cref="RandomNumberGenerator"/>). The result has at most 44 characters.
    /// </summary>
    public static string Generate()
    {
        Span<byte> uuid = stackalloc byte[UuidByteCount];
        RandomNumberGenerator.Fill(uuid);
        return FromUuidBytes(uuid, RandomVersionBits);
    }

    /// <summary>
    /// Makes a UID under <see cref="UuidRoot"/> that depends only on <paramref name="seedText"/>, so
    /// a rerun makes the same UID, which suits reproducible test data. The UUID is the first 16
    /// bytes of the SHA-256 of the text's UTF-8 bytes, with the version 8 and variant bits of RFC
    /// 9562 set. Anyone who knows the text can compute the UID.
    /// </summary>
    public static string Generate(string seedText)
    {
        ArgumentNullException.ThrowIfNull(seedText);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(seedText), hash);
        return FromUuidBytes(hash[..UuidByteCount], CustomVersionBits);
    }

    /// <summary>
    /// Writes <paramref name="uuid"/> as a UID under <see cref="UuidRoot"/>, its bits unchanged.
    /// The UUID is read in the byte order of RFC 9562, not in the order of
    /// <see cref="Guid.ToByteArray()"/>, which stores the first three fields little-endian.
    /// </summary>
    public static string FromUuid(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[UuidByteCount];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        return FormatUuid(bytes);
    }

    /// <summary>Removes the trailing NUL and space padding that a UI value may carry in a data set.</summary>
    public static string Trim(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return uid.TrimEnd(PaddingCharacters);
    }

    private static string FromUuidBytes(Span<byte> uuid, byte versionBits)
    {
        uuid[VersionByteIndex] = (byte)((uuid[VersionByteIndex] & VersionClearMask) | versionBits);
        uuid[VariantByteIndex] = (byte)((uuid[VariantByteIndex] & VariantClearMask) | Rfc4122VariantBits);
        return FormatUuid(uuid);
    }

    private static string FormatUuid(ReadOnlySpan<byte> uuid) =>
        UuidRoot + BinaryPrimitives.ReadUInt128BigEndian(uuid).ToString(CultureInfo.InvariantCulture);

    private static Fault FindFault(string uid, out int index)
    {
        index = 0;
        if (uid.Length == 0)
        {
            return Fault.Empty;
        }

        if (uid.Length > MaxLength)
        {
            // The first character past the maximum.
            index = MaxLength;
            return Fault.TooLong;
        }

        for (index = 0; index < uid.Length; index++)
        {
            var fault = CheckCharacter(uid, index);
            if (fault != Fault.None)
            {
                return fault;
            }
        }

        index = 0;
        return Fault.None;
    }

    private static Fault CheckCharacter(string uid, int index)
    {
        var character = uid[index];
        var startsComponent = index == 0 || uid[index - 1] == '.';
        if (character == '.')
        {
            return CheckDot(uid, index, startsComponent);
        }

        if (!char.IsAsciiDigit(character))
        {
            return Fault.InvalidCharacter;
        }

        var isLeadingZero = character == '0' && startsComponent && index + 1 < uid.Length && char.IsAsciiDigit(uid[index + 1]);
        return isLeadingZero ? Fault.LeadingZero : Fault.None;
    }

    private static Fault CheckDot(string uid, int index, bool startsComponent)
    {
        if (index == 0)
        {
            return Fault.LeadingDot;
        }

        if (startsComponent)
        {
            return Fault.EmptyComponent;
        }

        return index == uid.Length - 1 ? Fault.TrailingDot : Fault.None;
    }

    private static string DescribeCharacter(char character) =>
        char.IsControl(character) || char.IsWhiteSpace(character)
            ? $"U+{(int)character:X4}"
            : $"'{character}'";
}
