using Node.Dicom.Text;
using Node.Dicom.Vr;
using NUnit.Framework;

namespace Node.Dicom.Tests.Text;

/// <summary>Hand-made cases whose expected text comes from the character set tables, not from our decoder.</summary>
[TestFixture]
public sealed class DicomCharacterSetTests
{
    private const string Replacement = "\uFFFD";

    [Test]
    [Description("ISO 8859-5 puts А-Я at 0xB0-0xCF and а-я at 0xD0-0xEF; c, e, y and p in the name are Latin letters.")]
    public void Decode_reads_cyrillic_when_iso_ir_144()
    {
        var text = Decode(["ISO_IR 144"], "BB EE DA 63 65 DC D1 79 70 D3", DicomVR.PN);

        Assert.That(text, Is.EqualTo("\u041B\u044E\u043Ace\u043C\u0431yp\u0433"));
    }

    [Test]
    public void Decode_reads_utf8_cyrillic_name()
    {
        const string bytes = "D0 98 D0 B2 D0 B0 D0 BD D0 BE D0 B2 5E D0 98 D0 B2 D0 B0 D0 BD 20 D0 98 D0 B2 D0 B0 D0 BD D0 BE D0 B2 D0 B8 D1 87";

        var text = Decode(["ISO_IR 192"], bytes, DicomVR.PN);

        Assert.That(text, Is.EqualTo("Иванов^Иван Иванович"));
    }

    [Test]
    [Description("PS3.5 6.1.2.5.3: after '^' value 1's G1 set (Latin-1) is active again, so the second 0xE7 is ç, not KS X 1001.")]
    public void Decode_returns_to_value1_set_after_caret()
    {
        var text = Decode(["ISO 2022 IR 100", "ISO 2022 IR 149"], "E7 5E 1B 24 29 43 A4 BA 5E E7", DicomVR.PN);

        Assert.That(text, Is.EqualTo("ç^ㅊ^ç"));
    }

    [Test]
    [Description("JIS X 0208 0x683D is 莉 and 0x505C is 俑: their second bytes are '=' and '\\' but belong to the characters.")]
    public void Decode_keeps_jis_pairs_with_delimiter_bytes()
    {
        var text = Decode(["", "ISO 2022 IR 87"], "41 3D 1B 24 42 68 3D 50 5C 1B 28 42 5C 42", DicomVR.PN);

        Assert.That(text, Is.EqualTo("A=\u8389\u4FD1\\B"));
    }

    [Test]
    [Description("GBK 0x81 0x5C is 乗; its trail byte is not a value delimiter, the next 0x5C is.")]
    public void Decode_keeps_gbk_pair_with_backslash_trail()
    {
        var text = Decode(["GBK"], "41 81 5C 5C 42", DicomVR.LO);

        Assert.That(text.Split('\\'), Is.EqualTo(new[] { "A\u4E57", "B" }));
    }

    [Test]
    [Description("The value delimiter resets code extensions only in multi-valued VRs; in LT the backslash is text.")]
    public void Decode_resets_at_backslash_only_when_multi_valued([Values("LO", "LT")] string vrCode)
    {
        var vr = DicomVR.Parse(vrCode);

        var text = Decode(["ISO 2022 IR 100", "ISO 2022 IR 144"], "1B 2D 4C BB 5C BB", vr);

        Assert.That(text, Is.EqualTo(vr.IsMultiValued ? "Л\\»" : "Л\\Л"));
    }

    [Test]
    public void Decode_resets_at_carriage_return_in_lt()
    {
        var text = Decode(["ISO 2022 IR 100", "ISO 2022 IR 144"], "1B 2D 4C BB 0D 0A BB", DicomVR.LT);

        Assert.That(text, Is.EqualTo("Л\r\n»"));
    }

    [Test]
    [Description("Bytes above 0x7F are outside ISO-IR 6 but occur in files without (0008,0005); they decode as Latin-1.")]
    public void Decode_reads_latin1_when_default_has_high_bytes()
    {
        var text = DicomCharacterSet.Default.Decode(Bytes("4A E9 72 F4 6D 65"), DicomVR.PN);

        Assert.That(text, Is.EqualTo("Jérôme"));
    }

    [Test]
    [Description("PS3.5 Annex H example: ﾔﾏﾀﾞ in JIS X 0201 katakana is D4 CF C0 DE.")]
    public void Decode_reads_halfwidth_katakana_when_iso_ir_13()
    {
        var text = Decode(["ISO_IR 13"], "D4 CF C0 DE", DicomVR.PN);

        Assert.That(text, Is.EqualTo("ﾔﾏﾀﾞ"));
    }

    [Test]
    [Description("0x3021 is the first kanji of JIS X 0212, 丂 (U+4E02).")]
    public void Decode_reads_jis_x_0212_after_escape()
    {
        var text = Decode(["", "ISO 2022 IR 159"], "1B 24 28 44 30 21 1B 28 42 41", DicomVR.LO);

        Assert.That(text, Is.EqualTo("\u4E02A"));
    }

    [Test]
    [Description("With KS X 1001 as value 1 it is the initial G1 set: B1E8 is 김 without any escape sequence.")]
    public void Decode_reads_korean_without_escape_when_value1()
    {
        var text = Decode(["ISO 2022 IR 149"], "B1 E8 5E 41", DicomVR.PN);

        Assert.That(text, Is.EqualTo("김^A"));
    }

    [Test]
    public void Decode_reads_thai_when_iso_ir_166()
    {
        var text = Decode(["ISO_IR 166"], "A1 E4 B7 C2", DicomVR.LO);

        Assert.That(text, Is.EqualTo("\u0E01\u0E44\u0E17\u0E22"));
    }

    [Test]
    [Description("GB18030 four-byte codes: 81 30 81 30 is U+0080, 90 30 81 30 is U+10000 (a surrogate pair).")]
    public void Decode_reads_gb18030_four_byte_codes()
    {
        var text = Decode(["GB18030"], "81 30 81 30 90 30 81 30", DicomVR.LO);

        Assert.That(text, Is.EqualTo("\u0080\U00010000"));
    }

    [Test]
    [Description("Files sometimes carry JIS escapes without declaring ISO 2022 IR 87; recognized escapes apply anyway.")]
    public void Decode_applies_escape_when_term_undeclared()
    {
        var text = DicomCharacterSet.Default.Decode(Bytes("1B 24 42 3B 33 45 44 1B 28 42"), DicomVR.PN);

        Assert.That(text, Is.EqualTo("山田"));
    }

    [Test]
    [Description("UTF-8 allows no code extensions, so ESC is an ordinary control character there.")]
    public void Decode_keeps_escape_as_control_when_utf8()
    {
        var text = Decode(["ISO_IR 192"], "1B 24 42 C3 A9", DicomVR.LO);

        Assert.That(text, Is.EqualTo("\u001B$Bé"));
    }

    [TestCase("1B 24 42 30", Replacement, Description = "lone byte of a double-byte G0 set")]
    [TestCase("1B 24 42 30 0D", Replacement + "\r", Description = "lone byte before a control character")]
    [TestCase("1B 24 42 5E", "^", Description = "lone delimiter byte of a double-byte G0 set, which still delimits")]
    [TestCase("1B 24", Replacement + "$", Description = "escape sequence cut off before its final byte")]
    [TestCase("1B", Replacement, Description = "ESC as the last byte")]
    [TestCase("1B 28 5A 41", Replacement + "A", Description = "unknown escape sequence")]
    [TestCase("1B 24 29 43 B1", Replacement, Description = "lone lead byte of KS X 1001")]
    [TestCase("1B 24 29 43 B1 41", Replacement + "A", Description = "KS X 1001 lead byte before ASCII")]
    [TestCase("1B 24 29 43 A0 FF", Replacement + Replacement, Description = "bytes outside KS X 1001")]
    public void Decode_replaces_malformed_bytes(string hex, string expected)
    {
        var text = Decode(["", "ISO 2022 IR 87", "ISO 2022 IR 149"], hex, DicomVR.PN);

        Assert.That(text, Is.EqualTo(expected));
    }

    [TestCase("ISO_IR 192", "F0 9F 98")]
    [TestCase("ISO_IR 192", "C3 28 FF")]
    [TestCase("GB18030", "81 30 81")]
    [TestCase("GBK", "81 FF")]
    public void Decode_replaces_malformed_multibyte_without_extensions(string term, string hex)
    {
        var text = Decode([term], hex, DicomVR.LO);

        Assert.That(text, Does.Contain(Replacement));
    }

    private static IEnumerable<TestCaseData> DelimiterOnlyCases() =>
        from terms in TermLists.All
        from value in new[] { "", "=", "^^^^", "\\", "==\\^" }
        select new TestCaseData(terms, value).SetArgDisplayNames(TermLists.Describe(terms), value.Length == 0 ? "(empty)" : value);

    [TestCaseSource(nameof(DelimiterOnlyCases))]
    public void Decode_returns_delimiters_unchanged_under_terms(string[] terms, string value)
    {
        var text = DicomCharacterSet.FromTerms(terms).Decode(System.Text.Encoding.ASCII.GetBytes(value), DicomVR.PN);

        Assert.That(text, Is.EqualTo(value));
    }

    [Test]
    public void FromTerms_reports_unknown_term()
    {
        var characterSet = DicomCharacterSet.FromTerms(["ISO_IR 999", "ISO 2022 IR 87", "BOGUS"]);

        Assert.That(characterSet.UnknownTerms, Is.EqualTo(new[] { "ISO_IR 999", "BOGUS" }));
    }

    [Test]
    [Description("An unknown value 1 decodes as ISO_IR 100 so that decoding still succeeds.")]
    public void Decode_reads_latin1_when_value1_unknown()
    {
        var text = Decode(["ISO_IR 999"], "E9", DicomVR.LO);

        Assert.That(text, Is.EqualTo("é"));
    }

    [Test]
    public void FromTerms_reports_no_unknown_when_all_defined()
    {
        var characterSet = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87", "ISO 2022 IR 159"]);

        Assert.That(characterSet.UnknownTerms, Is.Empty);
    }

    [Test]
    public void FromTerms_accepts_misspelled_term()
    {
        var characterSet = DicomCharacterSet.FromTerms(["iso-ir 144"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(characterSet.MisspelledTerms, Is.EqualTo(new[] { "iso-ir 144" }));
            Assert.That(characterSet.UnknownTerms, Is.Empty);
            Assert.That(characterSet.Decode(Bytes("BB"), DicomVR.LO), Is.EqualTo("Л"));
        }
    }

    [Test]
    public void FromTerms_trims_padding_of_terms()
    {
        var characterSet = DicomCharacterSet.FromTerms(["ISO 2022 IR 13 ", "ISO 2022 IR 87\0"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(characterSet.Terms, Is.EqualTo(new[] { "ISO 2022 IR 13", "ISO 2022 IR 87" }));
            Assert.That(characterSet.UnknownTerms, Is.Empty);
        }
    }

    [Test]
    public void FromTerms_returns_default_when_empty()
    {
        var characterSet = DicomCharacterSet.FromTerms([]);

        Assert.That(characterSet, Is.SameAs(DicomCharacterSet.Default));
    }

    [Test]
    public void FromTerms_returns_shared_utf8_instance()
    {
        var characterSet = DicomCharacterSet.FromTerms(["ISO_IR 192 "]);

        Assert.That(characterSet, Is.SameAs(DicomCharacterSet.Utf8));
    }

    [TestCase(new[] { "ISO_IR 192" }, true)]
    [TestCase(new[] { "ISO_IR 100" }, false)]
    [TestCase(new[] { "", "ISO_IR 192" }, false)]
    [TestCase(new string[0], false)]
    public void IsUtf8_is_true_only_for_value1_utf8(string[] terms, bool expected)
    {
        Assert.That(DicomCharacterSet.FromTerms(terms).IsUtf8, Is.EqualTo(expected));
    }

    [Test]
    public void ToString_joins_terms_with_backslash()
    {
        var text = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]).ToString();

        Assert.That(text, Is.EqualTo("\\ISO 2022 IR 87"));
    }

    [Test]
    [Description("The ASCII fast path allocates the result string and nothing else.")]
    public void Decode_allocates_only_result_when_ascii()
    {
        var value = System.Text.Encoding.ASCII.GetBytes("Doe^John^^^ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNO");
        var characterSet = DicomCharacterSet.FromTerms(["ISO 2022 IR 100", "ISO 2022 IR 87"]);
        characterSet.Decode(value, DicomVR.PN);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = characterSet.Decode(value, DicomVR.PN);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.LessThanOrEqualTo(StringSize(text.Length)));
    }

    [Test]
    public void EncodeUtf8_writes_cyrillic_as_two_bytes_each()
    {
        var bytes = DicomCharacterSet.EncodeUtf8("Иван^A");

        Assert.That(bytes, Is.EqualTo(Bytes("D0 98 D0 B2 D0 B0 D0 BD 5E 41")));
    }

    [Test]
    public void EncodeUtf8_replaces_unpaired_surrogate()
    {
        var bytes = DicomCharacterSet.EncodeUtf8("\uD800");

        Assert.That(bytes, Is.EqualTo(Bytes("EF BF BD")));
    }

    [TestCase("Doe^John", true)]
    [TestCase("", true)]
    [TestCase("\u007F", true)]
    [TestCase("Jérôme", false)]
    [TestCase("山田", false)]
    public void IsAscii_is_true_only_below_0x80(string text, bool expected)
    {
        Assert.That(DicomCharacterSet.IsAscii(text), Is.EqualTo(expected));
    }

    private static string Decode(string[] terms, string hex, DicomVR vr) =>
        DicomCharacterSet.FromTerms(terms).Decode(Bytes(hex), vr);

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));

    /// <summary>Heap size of a string on 64-bit .NET: 8-byte header, 8-byte method table, 4-byte length, UTF-16 characters and a terminator, rounded up to 8.</summary>
    private static long StringSize(int length) => ((20 + (2 * (length + 1))) + 7) / 8 * 8;
}
