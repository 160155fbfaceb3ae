using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Node.Dicom.Uids;
using NUnit.Framework;

namespace Node.Dicom.Tests.Uids;

/// <summary>UID rules of PS3.5 9.1 and the UUID-derived UIDs of PS3.5 B.2.</summary>
[TestFixture]
public sealed class DicomUidTests
{
    /// <summary>Bit position of the UUID version nibble in the 128-bit number (RFC 9562 4.2).</summary>
    private const int VersionShift = 76;

    /// <summary>Bit position of the two RFC 4122 variant bits in the 128-bit number (RFC 9562 4.1).</summary>
    private const int VariantShift = 62;

    private const int Rfc4122Variant = 0b10;

    [TestCase("1.2.840.10008.1.2.1")]
    [TestCase("0")]
    [TestCase("1.0.3")]
    [TestCase("2.25.329800735698586629295641978511506172918")]
    [TestCase("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20")]
    public void IsValid_accepts_valid_UID(string uid)
    {
        Assert.That(DicomUid.IsValid(uid), Is.True);
        Assert.That(DicomUid.Validate(uid), Is.Null);
    }

    [Test]
    public void IsValid_accepts_64_characters()
    {
        var uid = "1." + new string('2', 62);

        Assert.That(uid, Has.Length.EqualTo(64));
        Assert.That(DicomUid.IsValid(uid), Is.True);
    }

    [Test]
    public void Validate_rejects_65_characters()
    {
        var uid = "1." + new string('2', 63);

        Assert.That(DicomUid.IsValid(uid), Is.False);
        Assert.That(DicomUid.Validate(uid), Does.Contain("65 characters").And.Contain("64"));
    }

    [TestCase("", "empty")]
    [TestCase("1..2", "empty component at index 2")]
    [TestCase("1.02", "leading zero at index 2")]
    [TestCase("1.2a", "'a' at index 3")]
    [TestCase("1.2.", "ends with a dot at index 3")]
    [TestCase(".1.2", "starts with a dot at index 0")]
    [TestCase("1.2.3\0", "U+0000 at index 5")]
    [TestCase("1.2 .3", "U+0020 at index 3")]
    [TestCase("00.1", "leading zero at index 0")]
    public void Validate_names_fault_and_index(string uid, string expected)
    {
        Assert.That(DicomUid.IsValid(uid), Is.False);
        Assert.That(DicomUid.Validate(uid), Does.Contain(expected));
    }

    [Test]
    public void Generate_makes_valid_unique_UIDs()
    {
        var uids = Enumerable.Range(0, 10_000).Select(_ => DicomUid.Generate()).ToList();

        Assert.That(uids.Where(uid => !DicomUid.IsValid(uid)), Is.Empty);
        Assert.That(uids.Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(uids.Count));
        Assert.That(uids, Is.All.StartWith("2.25."));
        Assert.That(uids.Max(uid => uid.Length), Is.LessThanOrEqualTo(44), "2.25. and at most 39 digits");
    }

    [Test]
    [Description("A random UUID carries version 4 and the RFC 4122 variant (RFC 9562 5.4).")]
    public void Generate_sets_version_4_and_variant_bits()
    {
        var uuid = UuidOf(DicomUid.Generate());

        Assert.That((int)((uuid >> VersionShift) & 0xF), Is.EqualTo(4));
        Assert.That((int)((uuid >> VariantShift) & 0b11), Is.EqualTo(Rfc4122Variant));
    }

    [Test]
    [Description("The example of ITU-T X.667 and PS3.5 B.2: UUID f81d4fae-7dec-11d0-a765-00a0c91e6bf6.")]
    public void FromUuid_reads_UUID_as_big_endian_integer()
    {
        var uid = DicomUid.FromUuid(Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));

        Assert.That(uid, Is.EqualTo("2.25.329800735698586629295641978511506172918"));
    }

    [Test]
    public void Generate_with_seed_repeats_UID()
    {
        Assert.That(DicomUid.Generate("study 1 of test data"), Is.EqualTo(DicomUid.Generate("study 1 of test data")));
        Assert.That(DicomUid.Generate("study 1 of test data"), Is.Not.EqualTo(DicomUid.Generate("study 2 of test data")));
    }

    [TestCase("")]
    [TestCase("series")]
    [TestCase("Ünïcode seed 中文")]
    public void Generate_with_seed_uses_SHA256_with_version_8(string seedText)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seedText));
        var expected = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        expected &= ~((BigInteger)0xF << VersionShift) & ~((BigInteger)0b11 << VariantShift);
        expected |= ((BigInteger)8 << VersionShift) | ((BigInteger)Rfc4122Variant << VariantShift);

        var uid = DicomUid.Generate(seedText);

        Assert.That(uid, Is.EqualTo("2.25." + expected.ToString(CultureInfo.InvariantCulture)));
        Assert.That(DicomUid.IsValid(uid), Is.True);
    }

    [TestCase("1.2.3\0", "1.2.3")]
    [TestCase("1.2.3 ", "1.2.3")]
    [TestCase("1.2.3\0 \0", "1.2.3")]
    [TestCase("1.2.3", "1.2.3")]
    [TestCase(" 1.2", " 1.2")]
    public void Trim_removes_trailing_padding(string uid, string expected)
    {
        Assert.That(DicomUid.Trim(uid), Is.EqualTo(expected));
    }

    private static UInt128 UuidOf(string uid) => UInt128.Parse(uid["2.25.".Length..], CultureInfo.InvariantCulture);
}
