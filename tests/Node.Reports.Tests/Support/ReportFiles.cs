using Node.Dicom.IO;

namespace Node.Reports.Tests.Support;

/// <summary>Writes report files to a folder of the test's own under the system temp folder, removed when disposed.</summary>
internal sealed class ReportFiles : IDisposable
{
    public ReportFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ainode-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Save(DicomFile file, string name)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file.Save(path);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
