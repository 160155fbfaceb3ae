using Node.Dicom.Imaging;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Imaging;

[TestFixture]
public sealed class StoredValueTests
{
    private static readonly DicomTransferSyntax Native = DicomTransferSyntax.ExplicitVRLittleEndian;

    [Test]
    [Description("Bits above High Bit are not part of the value (PS3.5 8.1.1), so garbage there must not change it.")]
    public void Signed_12_bit_ignores_upper_bits()
    {
        ushort[] cells = [0xF7FF, 0x0800, 0xAFFF, 0x5001, 0x3000, 0xC7FE];
        short[] expected = [2047, -2048, -1, 1, 0, 2046];
        var pixels = Create(PixelDatasets.Attributes(1, cells.Length, 16, bitsStored: 12, signed: true), PixelDatasets.Words(cells));

        Assert.That(pixels.GetFrame<short>(0), Is.EqualTo(expected));
    }

    [Test]
    public void Unsigned_12_bit_ignores_upper_bits()
    {
        ushort[] cells = [0xF7FF, 0x0800, 0xAFFF, 0x5001];
        ushort[] expected = [0x7FF, 0x800, 0xFFF, 0x001];
        var pixels = Create(PixelDatasets.Attributes(1, cells.Length, 16, bitsStored: 12), PixelDatasets.Words(cells));

        Assert.That(pixels.GetFrame<ushort>(0), Is.EqualTo(expected));
    }

    [Test]
    [Description("With High Bit 15 and Bits Stored 12 the value sits in the top bits and the low 4 bits are not part of it.")]
    public void High_bit_above_stored_shifts_value()
    {
        ushort[] cells = [0x7FF5, 0x800A, 0xFFFF, 0x001F];
        short[] expected = [2047, -2048, -1, 1];
        var pixels = Create(PixelDatasets.Attributes(1, cells.Length, 16, bitsStored: 12, highBit: 15, signed: true), PixelDatasets.Words(cells));

        Assert.That(pixels.GetFrame<short>(0), Is.EqualTo(expected));
    }

    [Test]
    [Description("A 512-value frame runs through the vectorised path and its scalar tail; each value is checked against shifts done here.")]
    public void Bit_masking_agrees_on_long_frames()
    {
        var random = new Random(1234);
        var cells = new ushort[515];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = (ushort)random.Next(0, 65536);
        }

        var signed = Create(PixelDatasets.Attributes(5, 103, 16, bitsStored: 10, highBit: 12, signed: true), PixelDatasets.Words(cells)).GetFrame<short>(0);
        var unsigned = Create(PixelDatasets.Attributes(5, 103, 16, bitsStored: 10, highBit: 12), PixelDatasets.Words(cells)).GetFrame<ushort>(0);

        for (var i = 0; i < cells.Length; i++)
        {
            var field = (cells[i] >> 3) & 0x3FF;
            Assert.That(unsigned[i], Is.EqualTo(field), $"unsigned value {i}");
            Assert.That(signed[i], Is.EqualTo(field >= 512 ? field - 1024 : field), $"signed value {i}");
        }
    }

    [Test]
    public void Signed_8_and_32_bit_extend_sign()
    {
        var bytes = Create(PixelDatasets.Attributes(1, 3, 8, bitsStored: 4, signed: true), [0xF8, 0x07, 0x0F]);
        var longs = Create(PixelDatasets.Attributes(1, 2, 32, bitsStored: 20, signed: true), [.. BitConverter.GetBytes(0xFFF80000u), .. BitConverter.GetBytes(0x0007FFFFu)]);

        Assert.That(bytes.GetFrame<sbyte>(0), Is.EqualTo(new sbyte[] { -8, 7, -1 }));
        Assert.That(longs.GetFrame<int>(0), Is.EqualTo(new[] { -524288, 524287 }));
        Assert.That(longs.GetFrame(0), Is.TypeOf<int[]>());
    }

    [Test]
    [Description("Frames of 1-bit data follow each other bit by bit (PS3.5 8.1.1), so frames of 9 pixels start mid-byte.")]
    public void Single_bit_frames_unpack_across_bytes()
    {
        const int frames = 3;
        const int pixelsPerFrame = 9;
        var random = new Random(42);
        var bits = new bool[frames * pixelsPerFrame];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = random.Next(2) == 1;
        }

        var packed = new byte[(bits.Length + 7) / 8];
        for (var i = 0; i < bits.Length; i++)
        {
            packed[i / 8] |= (byte)(bits[i] ? 1 << (i % 8) : 0);
        }

        var pixels = Create(PixelDatasets.Attributes(3, 3, 1, frames: frames), packed);

        for (var frame = 0; frame < frames; frame++)
        {
            var expected = bits[(frame * pixelsPerFrame)..((frame + 1) * pixelsPerFrame)].Select(bit => bit ? (byte)1 : (byte)0);
            Assert.That(pixels.GetFrame<byte>(frame), Is.EqualTo(expected), $"frame {frame}");
        }
    }

    [Test]
    [Description("Three frames of 9 bits need 4 bytes; 2 are given.")]
    public void Single_bit_frames_reject_short_data()
    {
        var dataset = PixelDatasets.Attributes(3, 3, 1, frames: 3).WithNativePixels(new byte[2]);

        Assert.Throws<Errors.DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));
    }

    [TestCase(8)]
    [TestCase(16)]
    public void Planar_configurations_give_identical_output(int bitsAllocated)
    {
        const int pixelCount = 6;
        var bytesPerSample = bitsAllocated / 8;
        var interleaved = new byte[pixelCount * 3 * bytesPerSample];
        var planar = new byte[interleaved.Length];
        for (var pixel = 0; pixel < pixelCount; pixel++)
        {
            for (var sample = 0; sample < 3; sample++)
            {
                var value = BitConverter.GetBytes((ushort)((pixel * 40) + (sample * 7) + (bitsAllocated == 16 ? 0x1200 : 0)));
                value.AsSpan(0, bytesPerSample).CopyTo(interleaved.AsSpan(((pixel * 3) + sample) * bytesPerSample));
                value.AsSpan(0, bytesPerSample).CopyTo(planar.AsSpan(((sample * pixelCount) + pixel) * bytesPerSample));
            }
        }

        var fromInterleaved = Create(PixelDatasets.Attributes(2, 3, bitsAllocated, photometric: "RGB", planarConfiguration: 0), interleaved);
        var fromPlanar = Create(PixelDatasets.Attributes(2, 3, bitsAllocated, photometric: "RGB", planarConfiguration: 1), planar);

        Assert.That(fromPlanar.PlanarConfiguration, Is.EqualTo(DicomPlanarConfiguration.Planar));
        Assert.That(fromPlanar.GetFrame(0), Is.EqualTo(fromInterleaved.GetFrame(0)));
        if (bitsAllocated == 8)
        {
            Assert.That(fromPlanar.GetRgbFrame(0), Is.EqualTo(interleaved));
            Assert.That(fromInterleaved.GetRgbFrame(0), Is.EqualTo(interleaved));
        }
        else
        {
            Assert.That(fromPlanar.GetRgbFrameUInt16(0), Is.EqualTo(fromInterleaved.GetRgbFrameUInt16(0)));
        }
    }

    [Test]
    [Description("YBR_FULL_422 stores Y1 Y2 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2); both pixels get the pair's Cb and Cr.")]
    public void Ybr_full_422_expands_pairs()
    {
        byte[] stored = [10, 20, 100, 200, 30, 40, 110, 210];
        var pixels = Create(PixelDatasets.Attributes(1, 4, 8, photometric: "YBR_FULL_422"), stored);

        Assert.That(pixels.GetFrame<byte>(0), Is.EqualTo(new byte[] { 10, 100, 200, 20, 100, 200, 30, 110, 210, 40, 110, 210 }));
    }

    [Test]
    public void Ybr_partial_422_gives_values_not_rgb()
    {
        var pixels = Create(PixelDatasets.Attributes(1, 2, 8, photometric: "YBR_PARTIAL_422"), [16, 235, 128, 240]);

        Assert.That(pixels.GetFrame<byte>(0), Is.EqualTo(new byte[] { 16, 128, 240, 235, 128, 240 }));
        Assert.Throws<Errors.DicomPixelDataException>(() => pixels.GetRgbFrame(0));
    }

    [Test]
    [Description("Colours are taken to YBR_FULL with the forward equations of PS3.3 C.7.6.3.1.2 here; the conversion back must land within rounding.")]
    public void Ybr_full_converts_back_to_rgb()
    {
        var random = new Random(7);
        List<byte[]> colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [0, 0, 0], [255, 255, 255], [128, 64, 32]];
        for (var i = 0; i < 200; i++)
        {
            colours.Add([(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)]);
        }

        var ybr = colours.SelectMany(ToYbrFull).ToArray();
        var pixels = Create(PixelDatasets.Attributes(1, colours.Count, 8, photometric: "YBR_FULL"), ybr);

        var rgb = pixels.GetRgbFrame(0);

        var expected = colours.SelectMany(colour => colour).ToArray();
        for (var i = 0; i < rgb.Length; i++)
        {
            Assert.That(rgb[i], Is.EqualTo(expected[i]).Within(2), $"sample {i}");
        }
    }

    [Test]
    public void Modality_values_apply_rescale()
    {
        var dataset = PixelDatasets.Attributes(1, 3, 16, signed: true);
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "2");
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-1024");
        var pixels = Create(dataset, PixelDatasets.Words(unchecked((ushort)-1000), 0, 1000));

        Assert.That(pixels.GetModalityFrame(0), Is.EqualTo(new float[] { -3024, -1024, 976 }));
    }

    [TestCase(false)]
    [TestCase(true)]
    [Description("37 values run through whole SIMD vectors and a scalar tail; each is checked against the formula.")]
    public void Modality_values_of_long_16_bit_rows(bool signed)
    {
        var stored = Enumerable.Range(0, 37).Select(i => signed ? (i * 1700) - 30000 : i * 1700).ToArray();
        var dataset = PixelDatasets.Attributes(1, stored.Length, 16, signed: signed, photometric: "MONOCHROME1");
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "0.5");
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-3");
        var pixels = Create(dataset, PixelDatasets.Words([.. stored.Select(value => unchecked((ushort)value))]));

        var mirrorSum = signed ? -1 : 65535;
        Assert.That(pixels.GetModalityFrame(0), Is.EqualTo(stored.Select(value => (value * 0.5f) - 3)));
        Assert.That(pixels.GetModalityFrameAsMonochrome2(0), Is.EqualTo(stored.Select(value => ((mirrorSum - value) * 0.5f) - 3)));
    }

    [Test]
    [Description("MONOCHROME1 is reported and left as stored, except through the method that asks for MONOCHROME2 orientation.")]
    public void Monochrome1_inverts_only_on_request()
    {
        var dataset = PixelDatasets.Attributes(1, 3, 8, photometric: "MONOCHROME1");
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "2");
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-10");
        var pixels = Create(dataset, [0, 100, 255]);

        Assert.That(pixels.IsMonochrome1, Is.True);
        Assert.That(pixels.GetFrame<byte>(0), Is.EqualTo(new byte[] { 0, 100, 255 }));
        Assert.That(pixels.GetModalityFrame(0), Is.EqualTo(new float[] { -10, 190, 500 }));
        Assert.That(pixels.GetModalityFrameAsMonochrome2(0), Is.EqualTo(new float[] { 500, 300, -10 }));
    }

    [Test]
    public void Monochrome2_orientation_leaves_values()
    {
        var pixels = Create(PixelDatasets.Attributes(1, 3, 16, bitsStored: 12, signed: true), PixelDatasets.Words(0x0800, 0, 0x07FF));

        Assert.That(pixels.IsMonochrome1, Is.False);
        Assert.That(pixels.GetModalityFrameAsMonochrome2(0), Is.EqualTo(new float[] { -2048, 0, 2047 }));
    }

    [Test]
    public void Signed_monochrome1_mirrors_around_minus_half()
    {
        var pixels = Create(PixelDatasets.Attributes(1, 3, 16, bitsStored: 12, signed: true, photometric: "MONOCHROME1"), PixelDatasets.Words(0x0800, 0, 0x07FF));

        Assert.That(pixels.GetModalityFrameAsMonochrome2(0), Is.EqualTo(new float[] { 2047, -1, -2048 }));
    }

    [Test]
    public void Palette_colour_gives_indices()
    {
        var pixels = Create(PixelDatasets.Attributes(1, 3, 8, photometric: "PALETTE COLOR"), [3, 1, 2]);

        Assert.That(pixels.GetFrame<byte>(0), Is.EqualTo(new byte[] { 3, 1, 2 }));
        Assert.Throws<InvalidOperationException>(() => pixels.GetRgbFrame(0));
    }

    [Test]
    [Description("Explicit VR Big Endian readers swap only by the VR's unit, so OB cells of 16 bits arrive big endian.")]
    public void Big_endian_OB_words_are_swapped()
    {
        var dataset = PixelDatasets.Attributes(1, 2, 16).WithNativePixels([0x01, 0x02, 0xA0, 0xB0], DicomVR.OB);

        var pixels = DicomPixelData.Create(dataset, DicomTransferSyntax.ExplicitVRBigEndian);

        Assert.That(pixels.GetFrame<ushort>(0), Is.EqualTo(new ushort[] { 0x0102, 0xA0B0 }));
    }

    [Test]
    public void Encapsulated_uncompressed_frames_read_from_fragments()
    {
        var dataset = PixelDatasets.Attributes(1, 3, 8, frames: 2).WithFragments([], [1, 2, 3, 0], [4, 5, 6, 0]);

        var pixels = DicomPixelData.Create(dataset, DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian);

        Assert.That(pixels.GetFrame<byte>(0), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(pixels.GetFrame<byte>(1), Is.EqualTo(new byte[] { 4, 5, 6 }));
    }

    [Test]
    public void CopyFrame_fills_start_of_destination()
    {
        var pixels = Create(PixelDatasets.Attributes(1, 2, 16), PixelDatasets.Words(7, 9));
        var destination = new ushort[4];
        var modality = new float[2];

        pixels.CopyFrame<ushort>(0, destination);
        pixels.CopyModalityFrame(0, modality);

        Assert.That(destination, Is.EqualTo(new ushort[] { 7, 9, 0, 0 }));
        Assert.That(modality, Is.EqualTo(new float[] { 7, 9 }));
    }

    /// <summary>Applies the RGB to YBR_FULL equations of PS3.3 C.7.6.3.1.2, rounding and clamping to 8 bits.</summary>
    private static byte[] ToYbrFull(byte[] rgb)
    {
        double r = rgb[0], g = rgb[1], b = rgb[2];
        return
        [
            ToByte((.2990 * r) + (.5870 * g) + (.1140 * b)),
            ToByte((-.1687 * r) - (.3313 * g) + (.5000 * b) + 128),
            ToByte((.5000 * r) - (.4187 * g) - (.0813 * b) + 128),
        ];
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    private static DicomPixelData Create(Node.Dicom.Data.DicomDataset attributes, byte[] pixelData) =>
        DicomPixelData.Create(attributes.WithNativePixels(pixelData), Native);
}
