namespace Node.Inference.Tests.Support;

/// <summary>Compresses DICOM files with DCMTK's command-line codecs into a folder of the test's own.</summary>
internal static class DcmtkCodecs
{
    /// <summary>Writes <paramref name="source"/> as RLE Lossless with dcmcrle and returns the new file's path.</summary>
    public static string CompressRle(string source, string folder) => Compress("dcmcrle", source, folder, "rle.dcm");

    /// <summary>Writes <paramref name="source"/> as JPEG Lossless, first-order prediction (dcmcjpeg's default), and returns the new file's path.</summary>
    public static string CompressJpegLossless(string source, string folder) => Compress("dcmcjpeg", source, folder, "jpeg.dcm");

    private static string Compress(string program, string source, string folder, string suffix)
    {
        var path = Peers.RequireProgram(program, "dcmtk");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(source)}-{suffix}");
        ProgramRun.RunChecked(path, source, target);
        return target;
    }
}
