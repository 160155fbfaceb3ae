using System.Globalization;
using System.Numerics;

namespace Node.Inference.Phantoms;

/// <summary>
/// Makes UIDs under the root 2.25 from random version 4 UUIDs (PS3.5 B.2), drawn from a seeded
/// generator so that the same seed gives the same UIDs.
/// </summary>
internal sealed class PhantomUidGenerator
{
    private const string UuidRoot = "2.25.";
    private const int UuidBytes = 16;

    private readonly Random _random;

    public PhantomUidGenerator(Random random)
    {
        _random = random;
    }

    public string Next()
    {
        var bytes = new byte[UuidBytes];
        _random.NextBytes(bytes);

        // RFC 9562 version 4 and variant 10 bits, so the UID is a well-formed random UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return UuidRoot + value.ToString(CultureInfo.InvariantCulture);
    }
}
