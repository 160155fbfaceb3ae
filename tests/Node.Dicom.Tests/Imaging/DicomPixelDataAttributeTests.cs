using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Imaging;

[TestFixture]
public sealed class DicomPixelDataAttributeTests
{
    private static readonly DicomTransferSyntax Native = DicomTransferSyntax.ExplicitVRLittleEndian;

    [Test]
    public void Create_reads_attributes_and_defaults()
    {
        var dataset = PixelDatasets.Attributes(2, 3, 16, 12, signed: true).WithNativePixels(new byte[12]);

        var pixels = DicomPixelData.Create(dataset, Native);

        Assert.That(pixels.Rows, Is.EqualTo(2));
        Assert.That(pixels.Columns, Is.EqualTo(3));
        Assert.That(pixels.SamplesPerPixel, Is.EqualTo(1));
        Assert.That(pixels.BitsAllocated, Is.EqualTo(16));
        Assert.That(pixels.BitsStored, Is.EqualTo(12));
        Assert.That(pixels.HighBit, Is.EqualTo(11));
        Assert.That(pixels.IsSigned, Is.True);
        Assert.That(pixels.PhotometricInterpretation, Is.EqualTo(DicomPhotometricInterpretation.Monochrome2));
        Assert.That(pixels.FrameCount, Is.EqualTo(1));
        Assert.That(pixels.RescaleSlope, Is.EqualTo(1));
        Assert.That(pixels.RescaleIntercept, Is.EqualTo(0));
        Assert.That(pixels.StoredValueType, Is.EqualTo(typeof(short)));
        Assert.That(pixels.FrameValueCount, Is.EqualTo(6));
    }

    [Test]
    public void Create_reads_attributes_encoded_as_UN()
    {
        var dataset = PixelDatasets.Attributes(2, 2, 8).WithNativePixels(new byte[4]);
        dataset.SetBytes(DicomTags.HighBit, DicomVR.UN, PixelDatasets.Words(7));
        dataset.SetBytes(DicomTags.PhotometricInterpretation, DicomVR.UN, "MONOCHROME1 "u8.ToArray());
        dataset.SetBytes(DicomTags.RescaleSlope, DicomVR.UN, "2 "u8.ToArray());
        dataset.SetBytes(DicomTags.RescaleIntercept, DicomVR.UN, "-5"u8.ToArray());

        var pixels = DicomPixelData.Create(dataset, DicomTransferSyntax.ImplicitVRLittleEndian);

        Assert.That(pixels.HighBit, Is.EqualTo(7));
        Assert.That(pixels.IsMonochrome1, Is.True);
        Assert.That(pixels.RescaleSlope, Is.EqualTo(2));
        Assert.That(pixels.RescaleIntercept, Is.EqualTo(-5));
    }

    [Test]
    public void Create_rejects_bits_stored_above_allocated()
    {
        var dataset = PixelDatasets.Attributes(2, 2, 16, bitsStored: 17, highBit: 15).WithNativePixels(new byte[8]);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Reason, Is.EqualTo("Bits Stored (0028,0101) 17 exceeds Bits Allocated (0028,0100) 16"));
        Assert.That(exception.Tag, Is.EqualTo(DicomTags.BitsStored));
    }

    [Test]
    public void Create_rejects_pixel_data_shorter_than_frames()
    {
        var dataset = PixelDatasets.Attributes(4, 4, 16, frames: 2).WithNativePixels(new byte[62]);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.PixelData));
        Assert.That(exception.Reason, Does.StartWith("Pixel Data (7FE0,0010) contains 62 bytes, fewer than the 64 that Rows (0028,0010) 4 × Columns (0028,0011) 4"));
        Assert.That(exception.Reason, Does.Contain("Number of Frames (0028,0008) 2"));
    }

    [Test]
    public void Create_accepts_pixel_data_with_padding()
    {
        var dataset = PixelDatasets.Attributes(3, 3, 8).WithNativePixels(new byte[10]);

        var pixels = DicomPixelData.Create(dataset, Native);

        Assert.That(pixels.GetFrame<byte>(0), Has.Length.EqualTo(9));
    }

    [TestCase(0)]
    [TestCase(null)]
    public void Create_rejects_zero_or_missing_rows(int? rows)
    {
        var dataset = PixelDatasets.Attributes(1, 2, 8).WithNativePixels(new byte[2]);
        if (rows is { } value)
        {
            dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, (ushort)value);
        }
        else
        {
            dataset.Remove(DicomTags.Rows);
        }

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.Rows));
        Assert.That(exception.Reason, Does.StartWith("Rows (0028,0010) "));
    }

    /// <summary>Each case breaks one rule; the message must name the attribute it blames.</summary>
    private static IEnumerable<TestCaseData> InconsistentAttributes()
    {
        yield return Case("Bits Allocated 12", d => d.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, 12), DicomTags.BitsAllocated,
            "Bits Allocated (0028,0100) 12 is not supported: expected 1, 8, 16 or 32");
        yield return Case("Bits Stored 0", d => d.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, 0), DicomTags.BitsStored,
            "Bits Stored (0028,0101) 0 is invalid: it must be at least 1");
        yield return Case("High Bit 16", d => d.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, 16), DicomTags.HighBit,
            "High Bit (0028,0102) 16 is not below Bits Allocated (0028,0100) 16");
        yield return Case("High Bit below Bits Stored", d => d.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, 10), DicomTags.HighBit,
            "High Bit (0028,0102) 10 is less than Bits Stored (0028,0101) 12 minus 1, so the stored bits do not fit below it");
        yield return Case("Pixel Representation 2", d => d.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 2), DicomTags.PixelRepresentation,
            "Pixel Representation (0028,0103) 2 is invalid: expected 0 (unsigned) or 1 (two's complement)");
        yield return Case("Samples per Pixel 3 for grey", d => d.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 3), DicomTags.SamplesPerPixel,
            "Samples per Pixel (0028,0002) 3 contradicts Photometric Interpretation (0028,0004) MONOCHROME2, which has 1 sample(s) per pixel");
        yield return Case("unknown photometric", d => d.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "CMYK"), DicomTags.PhotometricInterpretation,
            "Photometric Interpretation (0028,0004) 'CMYK' is not a defined term this library decodes");
        yield return Case("Number of Frames 0", d => d.SetString(DicomTags.NumberOfFrames, DicomVR.IS, "0"), DicomTags.NumberOfFrames,
            "Number of Frames (0028,0008) 0 is invalid: it must be at least 1");
        yield return Case("Number of Frames 1A", d => d.SetString(DicomTags.NumberOfFrames, DicomVR.IS, "1A"), DicomTags.NumberOfFrames,
            "Number of Frames (0028,0008) '1A' is not an integer");
        yield return Case("Rescale Slope 0", d => SetRescale(d, "0", "0"), DicomTags.RescaleSlope,
            "Rescale Slope (0028,1053) 0 is invalid: it would map every stored value to the intercept");
        yield return Case("Rescale Slope without intercept", d => d.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1"), DicomTags.RescaleIntercept,
            "Rescale Slope (0028,1053) is present without Rescale Intercept (0028,1052); the two are required together");
        yield return Case("Rescale Intercept not a number", d => SetRescale(d, "1", "x"), DicomTags.RescaleIntercept,
            "Rescale Intercept (0028,1052) 'x' is not a decimal number");
        yield return Case("Rows as two values", d => d.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 2, 2), DicomTags.Rows,
            "Rows (0028,0010) contains 4 bytes, expected one 2-byte value");
        yield return Case("Columns with VR FL", d => d.SetValues(DicomTags.Columns, DicomVR.FL, 2f), DicomTags.Columns,
            "Columns (0028,0011) has VR FL, expected US");
        yield return Case("Pixel Data missing", d => d.Remove(DicomTags.PixelData), DicomTags.PixelData,
            "Pixel Data (7FE0,0010) is missing");
        yield return Case("Pixel Data as fragments", d => d.WithFragments([], new byte[8]), DicomTags.PixelData,
            "Pixel Data (7FE0,0010) is encapsulated, but Explicit VR Little Endian (1.2.840.10008.1.2.1) stores it native");
    }

    [TestCaseSource(nameof(InconsistentAttributes))]
    public void Create_names_inconsistent_attribute(Action<DicomDataset> breakRule, DicomTag tag, string reason)
    {
        var dataset = PixelDatasets.Attributes(2, 2, 16, bitsStored: 12).WithNativePixels(new byte[8]);
        breakRule(dataset);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Reason, Is.EqualTo(reason));
        Assert.That(exception.Tag, Is.EqualTo(tag));
    }

    private static IEnumerable<TestCaseData> InconsistentColourAttributes()
    {
        yield return Case("Planar Configuration missing", d => d.Remove(DicomTags.PlanarConfiguration), DicomTags.PlanarConfiguration,
            "Planar Configuration (0028,0006) is missing; it is required when Samples per Pixel (0028,0002) is 3");
        yield return Case("Planar Configuration 2", d => d.SetValues<ushort>(DicomTags.PlanarConfiguration, DicomVR.US, 2), DicomTags.PlanarConfiguration,
            "Planar Configuration (0028,0006) 2 is invalid: expected 0 (interleaved) or 1 (planar)");
        yield return Case("4:2:2 planar", d =>
        {
            d.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "YBR_FULL_422");
            d.SetValues<ushort>(DicomTags.PlanarConfiguration, DicomVR.US, 1);
        }, DicomTags.PlanarConfiguration,
            "Planar Configuration (0028,0006) 1 is invalid with Photometric Interpretation (0028,0004) YBR_FULL_422, whose pixel pairs are stored interleaved");
        yield return Case("4:2:2 odd columns", d =>
        {
            d.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "YBR_FULL_422");
            d.SetValues<ushort>(DicomTags.Columns, DicomVR.US, 3);
        }, DicomTags.Columns,
            "Columns (0028,0011) 3 is odd, but Photometric Interpretation (0028,0004) YBR_FULL_422 stores Cb and Cr once for each pair of pixels in a row");
        yield return Case("YBR_ICT uncompressed", d => d.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "YBR_ICT"), DicomTags.PhotometricInterpretation,
            "Photometric Interpretation (0028,0004) YBR_ICT describes JPEG or JPEG 2000 compressed data and is invalid with Explicit VR Little Endian (1.2.840.10008.1.2.1)");
    }

    [TestCaseSource(nameof(InconsistentColourAttributes))]
    public void Create_names_inconsistent_colour_attribute(Action<DicomDataset> breakRule, DicomTag tag, string reason)
    {
        var dataset = PixelDatasets.Attributes(2, 2, 8, photometric: "RGB").WithNativePixels(new byte[12]);
        breakRule(dataset);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Reason, Is.EqualTo(reason));
        Assert.That(exception.Tag, Is.EqualTo(tag));
    }

    [Test]
    public void Create_names_float_pixel_data()
    {
        var dataset = PixelDatasets.Attributes(1, 1, 32);
        dataset.SetValues(DicomTags.FloatPixelData, DicomVR.OF, 1.5f);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Reason, Is.EqualTo("Pixel Data (7FE0,0010) is missing, and this library does not decode the Float Pixel Data (7FE0,0008) present instead"));
    }

    [Test]
    public void Create_rejects_signed_single_bit_pixels()
    {
        var dataset = PixelDatasets.Attributes(8, 1, 1, signed: true).WithNativePixels(new byte[2]);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.PixelRepresentation));
    }

    [Test]
    public void Create_rejects_native_pixels_for_RLE()
    {
        var dataset = PixelDatasets.Attributes(2, 2, 8).WithNativePixels(new byte[4]);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, DicomTransferSyntax.RLELossless));

        Assert.That(exception!.Reason, Is.EqualTo("Pixel Data (7FE0,0010) is native, but RLE Lossless (1.2.840.10008.1.2.5) requires encapsulated fragments"));
    }

    [Test]
    public void Create_names_syntax_without_decoder()
    {
        var dataset = PixelDatasets.Attributes(2, 2, 8).WithFragments([], new byte[8]);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, DicomTransferSyntax.JPEG2000));

        Assert.That(exception!.Reason, Is.EqualTo("cannot decode JPEG 2000 Image Compression (1.2.840.10008.1.2.4.91): no decoder for this compressed transfer syntax"));
        Assert.That(DicomPixelData.CanDecode(DicomTransferSyntax.JPEG2000), Is.False);
        Assert.That(DicomPixelData.CanDecode(DicomTransferSyntax.RLELossless), Is.True);
    }

    [Test]
    public void GetFrame_rejects_wrong_type_and_index()
    {
        var pixels = DicomPixelData.Create(PixelDatasets.Attributes(2, 2, 16).WithNativePixels(new byte[8]), Native);

        Assert.Throws<ArgumentException>(() => pixels.GetFrame<short>(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame<ushort>(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame<ushort>(-1));
        Assert.Throws<ArgumentException>(() => pixels.CopyFrame<ushort>(0, new ushort[3]));
    }

    [Test]
    public void Colour_and_grey_methods_reject_other_kind()
    {
        var grey = DicomPixelData.Create(PixelDatasets.Attributes(2, 2, 8).WithNativePixels(new byte[4]), Native);
        var colour = DicomPixelData.Create(PixelDatasets.Attributes(2, 2, 8, photometric: "RGB").WithNativePixels(new byte[12]), Native);

        Assert.Throws<InvalidOperationException>(() => grey.GetRgbFrame(0));
        Assert.Throws<InvalidOperationException>(() => colour.GetModalityFrame(0));
        Assert.Throws<InvalidOperationException>(() => colour.GetRgbFrameUInt16(0));
    }

    [Test]
    public void Modality_rejects_modality_LUT_sequence()
    {
        var dataset = PixelDatasets.Attributes(2, 2, 8).WithNativePixels(new byte[4]);
        dataset.SetSequence(DicomTags.ModalityLUTSequence, new DicomDataset());
        var pixels = DicomPixelData.Create(dataset, Native);

        var exception = Assert.Throws<DicomPixelDataException>(() => pixels.GetModalityFrame(0));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.ModalityLUTSequence));
        Assert.That(pixels.GetFrame<byte>(0), Has.Length.EqualTo(4));
    }

    private static void SetRescale(DicomDataset dataset, string slope, string intercept)
    {
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, slope);
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, intercept);
    }

    private static TestCaseData Case(string name, Action<DicomDataset> breakRule, DicomTag tag, string reason) =>
        new TestCaseData(breakRule, tag, reason).SetArgDisplayNames(name);
}
