using Node.Dicom.Data;
using Node.Dicom.Imaging;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Imaging;

/// <summary>
/// Uses DCMTK as an independent codec: dcmdrle decodes RLE samples to native twins, dcmcrle
/// encodes native data to RLE with fragments split across frames, and dcm2pnm converts YBR to RGB.
/// </summary>
[TestFixture]
public sealed class DcmtkPixelDataTests
{
    private const string Dcmtk = "dcmtk";

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("dcmtk-pixels-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("pydicom ships some RLE samples with native twins of the same picture: MR_small_RLE and MR_small, rtdose_rle and rtdose.")]
    public void Rle_samples_match_packaged_native_twins()
    {
        var pairs = Peers.PydicomSamples()
            .Select(path => (Rle: path, Native: Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileName(path).Replace("_RLE", string.Empty, StringComparison.Ordinal).Replace("_rle", string.Empty, StringComparison.Ordinal))))
            .Where(pair => pair.Rle != pair.Native && File.Exists(pair.Native))
            .ToList();

        foreach (var (rle, native) in pairs)
        {
            AssertSameFrames(Decode(rle), Decode(native), Path.GetFileName(rle));
        }

        Assert.That(pairs, Has.Count.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Rle_samples_match_dcmdrle_output()
    {
        var dcmdrle = Peers.RequireProgram("dcmdrle", Dcmtk);
        var samples = Peers.PydicomSamples()
            .Where(path => Path.GetFileName(path).Contains("_rle", StringComparison.OrdinalIgnoreCase))
            .Where(path => DicomFile.Open(path).TransferSyntax.Equals(DicomTransferSyntax.RLELossless))
            .ToList();

        foreach (var sample in samples)
        {
            var twin = Path.Combine(_folder, Path.GetFileName(sample));
            ProgramRun.RunChecked(dcmdrle, sample, twin);
            AssertSameFrames(Decode(sample), Decode(twin), Path.GetFileName(sample));
        }

        Assert.That(samples, Has.Count.GreaterThanOrEqualTo(8));
    }

    [Test]
    [Description("dcmcrle +fs 1 splits each frame into 1 KiB fragments and writes a Basic Offset Table, so frames span several fragments.")]
    public void Dcmcrle_fragmented_frames_decode_like_native()
    {
        var dcmcrle = Peers.RequireProgram("dcmcrle", Dcmtk);
        var native = WriteTwoFrameCt();
        var fragmented = Path.Combine(_folder, "ct_2frame_rle.dcm");
        ProgramRun.RunChecked(dcmcrle, "+fs", "1", native, fragmented);
        var file = DicomFile.Open(fragmented);
        var fragments = (DicomFragmentSequence)file.Dataset.GetElement(DicomTags.PixelData)!;

        var pixels = DicomPixelData.Create(file.Dataset, file.TransferSyntax);

        Assert.That(pixels.FrameCount, Is.EqualTo(2));
        Assert.That(fragments.Fragments, Has.Count.GreaterThan(4));
        Assert.That(fragments.BasicOffsetTable.Length, Is.EqualTo(8));
        AssertSameFrames(pixels, Decode(native), "two-frame CT");
    }

    [Test]
    [Description("Without a Basic Offset Table, all fragments of a single-frame image belong to its one frame.")]
    public void Dcmcrle_single_frame_without_offset_table()
    {
        var dcmcrle = Peers.RequireProgram("dcmcrle", Dcmtk);
        var fragmented = Path.Combine(_folder, "ct_no_table.dcm");
        ProgramRun.RunChecked(dcmcrle, "+fs", "1", "-ot", Sample("CT_small.dcm"), fragmented);

        AssertSameFrames(Decode(fragmented), Decode(Sample("CT_small.dcm")), "CT_small.dcm");
    }

    [Test]
    [Description("DCMTK 3.6.7 truncates where we round to nearest, so its RGB differs from ours by at most 1.")]
    public void Ybr_to_rgb_agrees_with_dcm2pnm()
    {
        var dcm2pnm = Peers.RequireProgram("dcm2pnm", Dcmtk);
        var sample = Sample("SC_ybr_full_422_uncompressed.dcm");
        var ppm = Path.Combine(_folder, "ybr.ppm");
        ProgramRun.RunChecked(dcm2pnm, sample, ppm);

        var rgb = Decode(sample).GetRgbFrame(0);

        var reference = File.ReadAllBytes(ppm)[^rgb.Length..];
        var largest = rgb.Zip(reference, (ours, theirs) => Math.Abs(ours - theirs)).Max();
        Assert.That(largest, Is.LessThanOrEqualTo(1));
    }

    /// <summary>Writes CT_small with a second frame whose bytes are the first frame's reversed.</summary>
    private string WriteTwoFrameCt()
    {
        var file = DicomFile.Open(Sample("CT_small.dcm"));
        var frame = ((DicomValueElement)file.Dataset.GetElement(DicomTags.PixelData)!).Value.ToArray();
        file.Dataset.SetString(DicomTags.NumberOfFrames, DicomVR.IS, "2");
        file.Dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, frame.Concat(frame.Reverse()).ToArray());
        var path = Path.Combine(_folder, "ct_2frame.dcm");
        file.Save(path);
        return path;
    }

    private static DicomPixelData Decode(string path)
    {
        var file = DicomFile.Open(path);
        return DicomPixelData.Create(file.Dataset, file.TransferSyntax);
    }

    private static string Sample(string name) => Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, name), "python3-pydicom");

    private static void AssertSameFrames(DicomPixelData actual, DicomPixelData expected, string name)
    {
        Assert.That(actual.FrameCount, Is.EqualTo(expected.FrameCount), name);
        for (var frame = 0; frame < expected.FrameCount; frame++)
        {
            Assert.That(actual.GetFrame(frame), Is.EqualTo(expected.GetFrame(frame)), $"{name} frame {frame}");
        }
    }
}
