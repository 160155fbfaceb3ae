using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;
using Node.Inference.Imaging;

namespace Node.Inference.Tests.Imaging;

public sealed class DicomPixelDataDecoderTests
{
    private readonly DicomPixelDataDecoder _decoder = new();

    [Test]
    [Description("pydicom is the oracle: its pixel_array times the rescale must give the same modality values as ours.")]
    public void Ct_sample_matches_pydicom_modality_values()
    {
        var python = Peers.RequirePath("/usr/bin/python3", "python3");
        var path = Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "CT_small.dcm"), "python3-pydicom");
        var script = "import pydicom,sys; d=pydicom.dcmread(sys.argv[1]); a=d.pixel_array.astype('float64')*float(d.RescaleSlope)+float(d.RescaleIntercept); print(repr(a.sum()), repr(a.min()), repr(a.max()), a[10,20], a[64,64])";
        var expected = ProgramRun.RunChecked(python, "-c", script, path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray();

        var image = _decoder.Decode(DicomFile.Open(path).Dataset, applyModalityLut: true);

        Assert.That(image.Values.Sum(value => (double)value), Is.EqualTo(expected[0]));
        Assert.That(image.Values.Min(), Is.EqualTo(expected[1]));
        Assert.That(image.Values.Max(), Is.EqualTo(expected[2]));
        Assert.That(image.Values[(10 * image.Columns) + 20], Is.EqualTo(expected[3]));
        Assert.That(image.Values[(64 * image.Columns) + 64], Is.EqualTo(expected[4]));
    }

    [Test]
    public void Frame_decodes_into_fitting_array()
    {
        var dataset = Grayscale(16, 12, signed: true, [0x0FFF, 0xF7FF, 0x0800, 0x0001]);
        var reusable = new float[4];
        Array.Fill(reusable, float.NaN);

        var image = _decoder.DecodeFrame(dataset, DicomTransferSyntax.ExplicitVRLittleEndian, 0, applyModalityLut: false, reusable);

        Assert.That(image.Values, Is.SameAs(reusable));
        Assert.That(image.Values, Is.EqualTo(_decoder.DecodeFrame(dataset, DicomTransferSyntax.ExplicitVRLittleEndian, 0, applyModalityLut: false).Values));
    }

    [Test]
    public void Frame_ignores_array_of_other_length()
    {
        var dataset = Grayscale(16, 12, signed: true, [0x0FFF, 0xF7FF, 0x0800, 0x0001]);
        var reusable = new float[5];

        var image = _decoder.DecodeFrame(dataset, DicomTransferSyntax.ExplicitVRLittleEndian, 0, applyModalityLut: false, reusable);

        Assert.That(image.Values, Is.Not.SameAs(reusable));
        Assert.That(image.Values, Has.Length.EqualTo(4));
    }

    [Test]
    [Description("PS3.3 C.7.6.3: only Bits Stored bits count, and a signed value is sign-extended from the highest of them.")]
    public void Signed_12_bit_values_are_sign_extended()
    {
        // 0x0FFF is -1 in 12-bit two's complement; 0xF7FF has junk above bit 11 and is 2047.
        var dataset = Grayscale(16, 12, signed: true, [0x0FFF, 0xF7FF, 0x0800, 0x0001]);

        var image = _decoder.Decode(dataset, applyModalityLut: false);

        Assert.That(image.Values, Is.EqualTo(new float[] { -1, 2047, -2048, 1 }));
    }

    [Test]
    public void Unsigned_8_bit_values_are_read()
    {
        var dataset = Grayscale(8, 8, signed: false, []);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, new byte[] { 0, 255, 17, 128 });

        var image = _decoder.Decode(dataset, applyModalityLut: false);

        Assert.That(image.Values, Is.EqualTo(new float[] { 0, 255, 17, 128 }));
    }

    [Test]
    public void Rescale_slope_and_intercept_apply()
    {
        var dataset = Grayscale(16, 12, signed: false, [0, 1000, 2000, 4095]);
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "0.5");
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-1024");

        var image = _decoder.Decode(dataset, applyModalityLut: true);

        Assert.That(image.Values, Is.EqualTo(new float[] { -1024, -524, -24, 1023.5f }));
    }

    [Test]
    public void Encapsulated_pixel_data_is_rejected()
    {
        var dataset = Grayscale(16, 16, signed: false, [1, 2, 3, 4]);
        dataset.Set(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [new byte[8]]));

        var exception = Assert.Throws<DicomPixelDataException>(() => _decoder.Decode(dataset, applyModalityLut: false));

        Assert.That(exception!.Reason, Does.Contain("encapsulated"));
    }

    [Test]
    public void Short_pixel_data_is_rejected()
    {
        var dataset = Grayscale(16, 16, signed: false, [1, 2, 3]);

        var exception = Assert.Throws<DicomPixelDataException>(() => _decoder.Decode(dataset, applyModalityLut: false));

        Assert.That(exception!.Reason, Does.Contain("fewer than the 8"));
    }

    [Test]
    public void Colour_image_is_rejected()
    {
        var dataset = Grayscale(16, 16, signed: false, [1, 2, 3, 4]);
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");

        Assert.Throws<DicomPixelDataException>(() => _decoder.Decode(dataset, applyModalityLut: false));
    }

    [Test]
    public void Jpeg_transfer_syntax_is_named_in_reason()
    {
        var dataset = Grayscale(8, 8, signed: false, [0, 0]);
        dataset.Set(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [new byte[8]]));

        var exception = Assert.Throws<DicomPixelDataException>(() => _decoder.Decode(dataset, DicomTransferSyntax.JPEGBaseline8Bit, applyModalityLut: false));

        Assert.That(exception!.Reason, Does.Contain(DicomTransferSyntax.JPEGBaseline8Bit.ToString()));
    }

    [Test]
    [Description("Preprocessing inverts MONOCHROME1 after windowing, so the decoder reports it and leaves the values as stored.")]
    public void Monochrome1_is_reported_not_inverted()
    {
        var dataset = Grayscale(16, 12, signed: false, [0, 1, 2, 3]);
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME1");

        var image = _decoder.Decode(dataset, applyModalityLut: false);

        Assert.That(image.IsMonochrome1, Is.True);
        Assert.That(image.Values, Is.EqualTo(new float[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void Every_frame_is_decoded_in_order()
    {
        var dataset = Grayscale(16, 16, signed: false, [1, 2, 3, 4, 5, 6, 7, 8]);
        dataset.SetString(DicomTags.NumberOfFrames, DicomVR.IS, "2");

        var frames = _decoder.DecodeFrames(dataset, DicomTransferSyntax.ExplicitVRLittleEndian, applyModalityLut: false);

        Assert.That(frames, Has.Count.EqualTo(2));
        Assert.That(frames[0].Values, Is.EqualTo(new float[] { 1, 2, 3, 4 }));
        Assert.That(frames[1].Values, Is.EqualTo(new float[] { 5, 6, 7, 8 }));
    }

    [Test]
    [Description("Each analysed image is one frame, so Decode rejects a multi-frame instance instead of dropping frames.")]
    public void Multi_frame_single_decode_is_rejected()
    {
        var dataset = Grayscale(16, 16, signed: false, [1, 2, 3, 4, 5, 6, 7, 8]);
        dataset.SetString(DicomTags.NumberOfFrames, DicomVR.IS, "2");

        var exception = Assert.Throws<DicomPixelDataException>(() => _decoder.Decode(dataset, applyModalityLut: false));

        Assert.That(exception!.Reason, Does.Contain("2 frames"));
    }

    /// <summary>Returns a 2 × 2 grayscale data set with the given stored words.</summary>
    private static DicomDataset Grayscale(ushort bitsAllocated, ushort bitsStored, bool signed, ushort[] words)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        dataset.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 2);
        dataset.SetValues<ushort>(DicomTags.Columns, DicomVR.US, 2);
        dataset.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, bitsAllocated);
        dataset.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, bitsStored);
        dataset.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, (ushort)(bitsStored - 1));
        dataset.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, signed ? (ushort)1 : (ushort)0);
        dataset.SetValues(DicomTags.PixelData, DicomVR.OW, words);
        return dataset;
    }
}
