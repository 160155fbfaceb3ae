using Node.Dicom.Text;
using Node.Dicom.Vr;
using NUnit.Framework;

namespace Node.Dicom.Tests.Text;

/// <summary>Feeds seeded random bytes, rich in escape sequences and delimiters, to the decoder under every term list.</summary>
[TestFixture]
public sealed class RandomBytesDecodeTests
{
    private const int Seed = 20_050_417;
    private const int ValuesPerTermList = 10_000;
    private const int MaxValueLength = 48;
    private const byte Backslash = 0x5C;

    /// <summary>Fragments that steer the decoder into its less travelled states.</summary>
    private static readonly byte[][] Fragments =
    [
        [0x1B, 0x24, 0x42], [0x1B, 0x24, 0x28, 0x44], [0x1B, 0x24, 0x29, 0x43], [0x1B, 0x24, 0x29, 0x41],
        [0x1B, 0x28, 0x42], [0x1B, 0x28, 0x4A], [0x1B, 0x29, 0x49], [0x1B, 0x2D, 0x41], [0x1B, 0x2D, 0x4C],
        [0x1B], [0x1B, 0x24], [0x1B, 0x24, 0x29], [0x5C], [0x5E], [0x3D], [0x0D, 0x0A], [0x09],
        [0x81, 0x5C], [0x81, 0x30], [0xE7, 0x8E, 0x8B], [0xF0, 0x90],
    ];

    private static readonly DicomVR[] Vrs = [DicomVR.PN, DicomVR.LO, DicomVR.SH, DicomVR.UC, DicomVR.LT, DicomVR.ST, DicomVR.UT];

    private static IEnumerable<TestCaseData> TermListCases() =>
        TermLists.All.Select(terms => new TestCaseData((object)terms).SetArgDisplayNames(TermLists.Describe(terms)));

    [TestCaseSource(nameof(TermListCases))]
    [Description("Decoding never throws, never yields more characters than bytes, and yields a backslash only for a 0x5C byte, so callers may split after decoding.")]
    public void Decode_survives_random_bytes_under_terms(string[] terms)
    {
        var characterSet = DicomCharacterSet.FromTerms(terms);
        var random = new Random(Seed);
        var tooLong = new List<string>();
        var extraBackslashes = new List<string>();

        for (var index = 0; index < ValuesPerTermList; index++)
        {
            var value = RandomValue(random);
            var vr = Vrs[random.Next(Vrs.Length)];

            var text = characterSet.Decode(value, vr);

            if (text.Length > value.Length)
            {
                tooLong.Add($"{vr} {Convert.ToHexString(value)}");
            }

            if (text.AsSpan().Count('\\') > value.AsSpan().Count(Backslash))
            {
                extraBackslashes.Add($"{vr} {Convert.ToHexString(value)}");
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tooLong, Is.Empty, "results longer than their values");
            Assert.That(extraBackslashes, Is.Empty, "results with more backslashes than 0x5C bytes");
        }
    }

    private static byte[] RandomValue(Random random)
    {
        var length = random.Next(MaxValueLength + 1);
        var value = new List<byte>(length + 4);
        while (value.Count < length)
        {
            if (random.Next(4) == 0)
            {
                value.AddRange(Fragments[random.Next(Fragments.Length)]);
            }
            else
            {
                value.Add((byte)random.Next(256));
            }
        }

        return [.. value];
    }
}
