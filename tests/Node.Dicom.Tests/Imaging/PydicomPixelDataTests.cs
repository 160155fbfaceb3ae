using System.IO.Enumeration;
using System.Runtime.InteropServices;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.IO;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.Imaging;

/// <summary>
/// Decodes pydicom's sample files and compares every frame with what pydicom 2.3 decodes from
/// the same file at test time. pydicom returns whole cells, so its helper keeps the Bits Stored
/// bits itself. pydicom expands YBR_FULL_422 to one Y Cb Cr triplet per pixel but converts to RGB
/// only when asked. So stored values are compared as YBR, and RGB against its convert_color_space.
/// </summary>
[TestFixture]
public sealed class PydicomPixelDataTests
{
    /// <summary>Uncompressed and RLE samples: names from pydicom's test_files, matched at run time.</summary>
    private static readonly string[] SamplePatterns =
    [
        "MR_small*.dcm", "CT_small*.dcm", "SC_rgb*.dcm", "SC_ybr*.dcm", "rtdose*.dcm", "liver*.dcm", "emri*.dcm",
        "ExplVR_BigEnd.dcm", "image_dfl.dcm",
    ];

    /// <summary>Samples that are broken on purpose, which DicomFile.Open rejects.</summary>
    private static readonly string[] BrokenSamples = ["MR_truncated.dcm", "SC_rgb_jpeg.dcm"];

    private List<(string Path, DicomFile File)> _samples = [];
    private PydicomPixelOracle? _oracle;

    [OneTimeSetUp]
    public void DecodeSamplesWithPydicom()
    {
        _samples = [.. Peers.PydicomSamples()
            .Where(path => SamplePatterns.Any(pattern => FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(path))))
            .Where(path => !BrokenSamples.Contains(Path.GetFileName(path)))
            .Select(path => (path, DicomFile.Open(path)))
            .Where(sample => sample.Item2.TransferSyntax is { IsEncapsulated: false } || sample.Item2.TransferSyntax.Equals(DicomTransferSyntax.RLELossless))];
        _oracle = PydicomPixelOracle.Decode(_samples.Select(sample => sample.Path));
    }

    [OneTimeTearDown]
    public void DeleteOracleOutput() => _oracle?.Dispose();

    [Test]
    [Description("The comparison is only worth something if the samples cover RLE, big endian, 1-bit, multi-frame and 4:2:2 data.")]
    public void Samples_cover_every_kind_of_data()
    {
        var kinds = _samples.Select(sample => DicomPixelData.Create(sample.File.Dataset, sample.File.TransferSyntax)).ToList();
        TestContext.Out.WriteLine(string.Join(", ", _samples.Select(sample => Path.GetFileName(sample.Path))));

        Assert.That(kinds, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(kinds.Count(pixels => pixels.TransferSyntax.Equals(DicomTransferSyntax.RLELossless)), Is.GreaterThanOrEqualTo(5));
        Assert.That(kinds.Count(pixels => pixels.TransferSyntax.IsBigEndian), Is.GreaterThanOrEqualTo(3));
        Assert.That(kinds.Count(pixels => pixels.BitsAllocated == 1), Is.GreaterThanOrEqualTo(1));
        Assert.That(kinds.Count(pixels => pixels.FrameCount > 1), Is.GreaterThanOrEqualTo(3));
        Assert.That(kinds.Count(pixels => pixels.PhotometricInterpretation == DicomPhotometricInterpretation.YbrFull422), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Stored_values_match_pydicom()
    {
        var mismatches = new List<string>();
        foreach (var (path, file) in _samples)
        {
            var expected = _oracle!.Get(path);
            var pixels = DicomPixelData.Create(file.Dataset, file.TransferSyntax);
            if (Describe(pixels, expected) is { } fault)
            {
                mismatches.Add($"{Path.GetFileName(path)}: {fault}");
                continue;
            }

            var frameBytes = pixels.FrameValueCount * Marshal.SizeOf(pixels.StoredValueType);
            for (var frame = 0; frame < pixels.FrameCount; frame++)
            {
                var actual = AsBytes(pixels.GetFrame(frame));
                var difference = FirstDifference(actual, expected.Stored.AsSpan(frame * frameBytes, frameBytes));
                if (difference >= 0)
                {
                    mismatches.Add($"{Path.GetFileName(path)}: frame {frame} differs first at byte {difference}");
                }
            }

            TestContext.Out.WriteLine($"{Path.GetFileName(path)}: {pixels.FrameCount} frame(s) of {pixels.StoredValueType.Name} match");
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    [Description("pydicom's apply_modality_lut computes in float64; ours returns float32, so values agree to float precision.")]
    public void Modality_values_match_pydicom()
    {
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var (path, file) in _samples)
        {
            var expected = _oracle!.Get(path);
            var pixels = DicomPixelData.Create(file.Dataset, file.TransferSyntax);
            if (!pixels.IsGrayscale || expected.Modality is null)
            {
                continue;
            }

            var reference = MemoryMarshal.Cast<byte, double>(expected.Modality);
            for (var frame = 0; frame < pixels.FrameCount; frame++)
            {
                var actual = pixels.GetModalityFrame(frame);
                var frameReference = reference.Slice(frame * pixels.FrameValueCount, pixels.FrameValueCount);
                for (var i = 0; i < actual.Length; i++)
                {
                    if (Math.Abs(actual[i] - frameReference[i]) > 1e-6 * Math.Max(1, Math.Abs(frameReference[i])))
                    {
                        mismatches.Add($"{Path.GetFileName(path)}: frame {frame} value {i} is {actual[i]}, pydicom {frameReference[i]}");
                        break;
                    }
                }
            }

            compared++;
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(10));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Rgb_frames_match_pydicom()
    {
        var mismatches = new List<string>();
        var converted = 0;
        foreach (var (path, file) in _samples)
        {
            var expected = _oracle!.Get(path);
            var pixels = DicomPixelData.Create(file.Dataset, file.TransferSyntax);
            if (pixels.SamplesPerPixel != 3 || pixels.BitsAllocated == 32)
            {
                continue;
            }

            // pydicom's stored values are already RGB for RGB samples; YBR samples get its conversion.
            var reference = expected.Rgb ?? expected.Stored;
            converted += expected.Rgb is null ? 0 : 1;
            var frameBytes = pixels.FrameValueCount * pixels.BitsAllocated / 8;
            for (var frame = 0; frame < pixels.FrameCount; frame++)
            {
                var actual = pixels.BitsAllocated == 8 ? pixels.GetRgbFrame(frame) : AsBytes(pixels.GetRgbFrameUInt16(frame));
                var difference = FirstDifference(actual, reference.AsSpan(frame * frameBytes, frameBytes));
                if (difference >= 0)
                {
                    mismatches.Add($"{Path.GetFileName(path)}: frame {frame} differs first at byte {difference}: {actual[difference]} against {reference[(frame * frameBytes) + difference]}");
                }
            }
        }

        Assert.That(converted, Is.GreaterThanOrEqualTo(1));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Create_names_syntax_of_compressed_samples()
    {
        var rejected = 0;
        foreach (var path in Peers.PydicomSamples())
        {
            DicomFile file;
            try
            {
                file = DicomFile.Open(path);
            }
            catch (DicomFormatException)
            {
                continue;
            }

            if (!file.TransferSyntax.IsEncapsulated || DicomPixelData.CanDecode(file.TransferSyntax))
            {
                continue;
            }

            var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(file.Dataset, file.TransferSyntax), Path.GetFileName(path));
            Assert.That(exception!.Reason, Is.EqualTo($"cannot decode {file.TransferSyntax.Name} ({file.TransferSyntax.Uid}): no decoder for this compressed transfer syntax"));
            rejected++;
        }

        Assert.That(rejected, Is.GreaterThanOrEqualTo(10));
    }

    /// <summary>Returns why the decoded shape or type cannot match pydicom's array, or null where they agree.</summary>
    private static string? Describe(DicomPixelData pixels, PydicomArray expected)
    {
        if (expected.Error is not null)
        {
            return $"pydicom failed: {expected.Error}";
        }

        var type = expected.DType switch
        {
            "uint8" => typeof(byte),
            "int8" => typeof(sbyte),
            "uint16" => typeof(ushort),
            "int16" => typeof(short),
            "uint32" => typeof(uint),
            "int32" => typeof(int),
            _ => null,
        };
        if (type != pixels.StoredValueType)
        {
            return $"pydicom returns {expected.DType}, we return {pixels.StoredValueType.Name}";
        }

        var frameAxis = pixels.FrameCount > 1 ? 1 : 0;
        if (expected.Shape[frameAxis] != pixels.Rows || expected.Shape[frameAxis + 1] != pixels.Columns
            || expected.Shape.Aggregate(1L, (product, dimension) => product * dimension) != (long)pixels.FrameCount * pixels.FrameValueCount)
        {
            return $"pydicom's shape [{string.Join(", ", expected.Shape)}] does not match {pixels.FrameCount} × {pixels.Rows} × {pixels.Columns} × {pixels.SamplesPerPixel}";
        }

        return null;
    }

    private static byte[] AsBytes(Array values) => values switch
    {
        byte[] bytes => bytes,
        sbyte[] signed => MemoryMarshal.AsBytes(signed.AsSpan()).ToArray(),
        ushort[] words => MemoryMarshal.AsBytes(words.AsSpan()).ToArray(),
        short[] words => MemoryMarshal.AsBytes(words.AsSpan()).ToArray(),
        uint[] longs => MemoryMarshal.AsBytes(longs.AsSpan()).ToArray(),
        int[] longs => MemoryMarshal.AsBytes(longs.AsSpan()).ToArray(),
        _ => throw new ArgumentException($"unexpected array type {values.GetType()}", nameof(values)),
    };

    private static int FirstDifference(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
    {
        if (actual.Length != expected.Length)
        {
            return Math.Min(actual.Length, expected.Length);
        }

        var index = actual.CommonPrefixLength(expected);
        return index == actual.Length ? -1 : index;
    }
}
