using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Data;

[TestFixture]
public sealed class DicomDatasetNumberTests
{
    [Test]
    public void Binary_integers_read_with_their_sign()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(DicomTags.SmallestImagePixelValue, DicomVR.SS, (short)-1024);
        dataset.SetValues(DicomTags.Rows, DicomVR.US, (ushort)65535);
        dataset.SetValues(DicomTags.ReferencedFrameNumbers, DicomVR.UL, 1u, 4_000_000_000u);
        dataset.SetValues(new DicomTag(0x0011, 0x1001), DicomVR.SV, long.MinValue);

        Assert.That(dataset.GetInt32(DicomTags.SmallestImagePixelValue), Is.EqualTo(-1024));
        Assert.That(dataset.GetInt32(DicomTags.Rows), Is.EqualTo(65535));
        Assert.That(dataset.GetInt64(DicomTags.ReferencedFrameNumbers, 1), Is.EqualTo(4_000_000_000L));
        Assert.That(dataset.GetInt64(new DicomTag(0x0011, 0x1001)), Is.EqualTo(long.MinValue));
    }

    [Test]
    public void GetInt32_rejects_value_beyond_int_range()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(DicomTags.ReferencedFrameNumbers, DicomVR.UL, 4_000_000_000u);

        Assert.That(() => dataset.GetInt32(DicomTags.ReferencedFrameNumbers), Throws.TypeOf<DicomFormatException>().With.Message.Contains("32-bit"));
        Assert.That(dataset.TryGetInt32(DicomTags.ReferencedFrameNumbers, out _), Is.False);
    }

    [Test]
    public void Integer_string_reads_as_number()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.InstanceNumber, DicomVR.IS, " -42");

        Assert.That(dataset.GetInt32(DicomTags.InstanceNumber), Is.EqualTo(-42));
        Assert.That(dataset.GetDouble(DicomTags.InstanceNumber), Is.EqualTo(-42.0));
    }

    [Test]
    public void GetInt32_names_tag_when_absent()
    {
        var dataset = new DicomDataset();

        Assert.That(() => dataset.GetInt32(DicomTags.Rows), Throws.TypeOf<DicomFormatException>().With.Property(nameof(DicomFormatException.Tag)).EqualTo(DicomTags.Rows));
    }

    [Test]
    public void Decimal_string_values_read_exactly()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PixelSpacing, DicomVR.DS, "0.661468", "0.661468");

        Assert.That(dataset.GetDecimal(DicomTags.PixelSpacing, 1), Is.EqualTo(0.661468m));
        Assert.That(dataset.GetDouble(DicomTags.PixelSpacing), Is.EqualTo(0.661468));
    }

    [Test]
    public void Float_values_round_trip()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(new DicomTag(0x0011, 0x1002), DicomVR.FD, 0.1234567890123456789, -2.5);
        dataset.SetValues(new DicomTag(0x0011, 0x1003), DicomVR.FL, 0.25f);

        Assert.That(dataset.GetDouble(new DicomTag(0x0011, 0x1002)), Is.EqualTo(0.1234567890123456789));
        Assert.That(dataset.GetDouble(new DicomTag(0x0011, 0x1002), 1), Is.EqualTo(-2.5));
        Assert.That(dataset.GetDouble(new DicomTag(0x0011, 0x1003)), Is.EqualTo(0.25));
        Assert.That(dataset.GetValues<double>(new DicomTag(0x0011, 0x1002)), Has.Length.EqualTo(2));
    }

    [Test]
    public void GetValues_rejects_mismatched_size()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(DicomTags.Rows, DicomVR.US, (ushort)512);

        Assert.That(() => dataset.GetValues<int>(DicomTags.Rows), Throws.ArgumentException.With.Message.Contains("US"));
    }

    [Test]
    public void GetValues_names_tag_of_ragged_value()
    {
        var dataset = new DicomDataset();
        dataset.Set(new DicomValueElement(DicomTags.Rows, DicomVR.US, new byte[] { 1, 2, 3 }));

        Assert.That(() => dataset.GetValues<ushort>(DicomTags.Rows), Throws.TypeOf<DicomFormatException>().With.Message.Contains("(0028,0010)"));
    }

    [Test]
    public void Attribute_tags_round_trip()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(DicomTags.FrameIncrementPointer, DicomVR.AT, (ushort)0x0018, (ushort)0x1063);

        Assert.That(dataset.GetTags(DicomTags.FrameIncrementPointer), Is.EqualTo(new[] { new DicomTag(0x0018, 0x1063) }));
    }

    [Test]
    public void SetValues_pads_odd_byte_values()
    {
        var dataset = new DicomDataset();

        dataset.SetValues(new DicomTag(0x0011, 0x1004), DicomVR.OB, (byte)1, (byte)2, (byte)3);

        Assert.That(((DicomValueElement)dataset.GetElement(new DicomTag(0x0011, 0x1004))!).Value.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 0 }));
    }

    [Test]
    [Description("A probability written as DS keeps at least 13 significant digits, far inside the 1e-6 the reports promise.")]
    public void DecimalString_keeps_probability_precision()
    {
        var probabilities = new[] { 0.123456789012345678, 0.999999999999, 1e-9, 0.5, 0, 1, 0.07300000000000001 };

        foreach (var probability in probabilities)
        {
            var text = DicomDecimalString.Format(probability);
            var parsed = double.Parse(text, CultureInfo.InvariantCulture);

            Assert.That(text, Has.Length.LessThanOrEqualTo(16), text);
            Assert.That(parsed, Is.EqualTo(probability).Within(Math.Max(1e-13, Math.Abs(probability) * 1e-12)), text);
        }
    }

    [TestCase(1e300)]
    [TestCase(-1.234567890123456e-200)]
    [TestCase(123456789012345678.0)]
    public void DecimalString_fits_extreme_values(double value)
    {
        var text = DicomDecimalString.Format(value);

        Assert.That(text, Has.Length.LessThanOrEqualTo(16));
        Assert.That(double.Parse(text, CultureInfo.InvariantCulture), Is.EqualTo(value).Within(Math.Abs(value) * 1e-9));
    }

    [Test]
    public void DecimalString_rejects_non_finite_values()
    {
        Assert.That(() => DicomDecimalString.Format(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => DicomDecimalString.Format(double.PositiveInfinity), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Dataset_keeps_elements_in_tag_order()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PatientID, DicomVR.LO, "2");
        dataset.SetString(DicomTags.Modality, DicomVR.CS, "CT");
        dataset.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");

        Assert.That(dataset.Select(element => element.Tag), Is.Ordered);
        Assert.That(dataset.Count, Is.EqualTo(3));
    }

    [Test]
    public void Set_replaces_element_with_same_tag()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.Modality, DicomVR.CS, "CT");

        dataset.SetString(DicomTags.Modality, DicomVR.CS, "MR");

        Assert.That(dataset.Count, Is.EqualTo(1));
        Assert.That(dataset.GetString(DicomTags.Modality), Is.EqualTo("MR"));
    }

    [Test]
    public void Remove_reports_whether_element_existed()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.Modality, DicomVR.CS, "CT");

        Assert.That(dataset.Remove(DicomTags.Modality), Is.True);
        Assert.That(dataset.Remove(DicomTags.Modality), Is.False);
        Assert.That(dataset.Contains(DicomTags.Modality), Is.False);
    }
}
