using System.Runtime.CompilerServices;
using System.Text.Json;
using Node.Dicom.Tests.Support;

namespace Node.Dicom.Tests.Imaging;

/// <summary>
/// Runs pydicom_pixels.py with the system Python, where pydicom is installed, and reads back
/// what pydicom decoded: stored values, modality values and RGB, each as raw little-endian bytes.
/// </summary>
internal sealed class PydicomPixelOracle : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private const string ScriptName = "pydicom_pixels.py";

    /// <summary>Longest the one Python run over every sample may take before it is killed by PID; a guard against a hang, set well above the usual run.</summary>
    private static readonly TimeSpan DecodeLimit = TimeSpan.FromMinutes(10);

    private readonly string _folder;

    private PydicomPixelOracle(string folder)
    {
        _folder = folder;
    }

    /// <summary>Decodes every file in one Python run (importing numpy once) into a fresh temporary folder.</summary>
    public static PydicomPixelOracle Decode(IEnumerable<string> paths)
    {
        Peers.RequirePath(Python, "python3");
        Peers.RequirePath(Peers.PydicomTestFiles, "python3-pydicom");
        var folder = Directory.CreateTempSubdirectory("pydicom-pixels-").FullName;
        ProgramRun.RunChecked(Python, DecodeLimit, [FindScript(), folder, .. paths]);
        return new PydicomPixelOracle(folder);
    }

    /// <summary>Returns pydicom's decoding of the file at <paramref name="path"/>.</summary>
    public PydicomArray Get(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, name + ".json")));
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            return new PydicomArray([], string.Empty, string.Empty, [], null, null, error.GetString());
        }

        var outputs = root.GetProperty("outputs").EnumerateArray().Select(output => output.GetString()).ToHashSet();
        byte[]? Read(string output) => outputs.Contains(output) ? File.ReadAllBytes(Path.Combine(_folder, $"{name}.{output}.raw")) : null;
        return new PydicomArray(
            [.. root.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt32())],
            root.GetProperty("dtype").GetString()!,
            root.GetProperty("photometric").GetString()!,
            Read("stored")!,
            Read("modality"),
            Read("rgb"),
            null);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Finds the script in the test output folder, or beside this source file where the build
    /// does not copy it there.
    /// </summary>
    private static string FindScript([CallerFilePath] string sourceFile = "")
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Imaging", ScriptName);
        return File.Exists(copied) ? copied : Path.Combine(Path.GetDirectoryName(sourceFile)!, ScriptName);
    }
}

/// <summary>One file as pydicom decoded it: every frame, little endian; <see cref="Error"/> is set where pydicom failed.</summary>
internal sealed record PydicomArray(int[] Shape, string DType, string Photometric, byte[] Stored, byte[]? Modality, byte[]? Rgb, string? Error);
