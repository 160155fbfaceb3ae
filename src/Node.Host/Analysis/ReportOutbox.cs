using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Host.Configuration;
using Node.Reports;

namespace Node.Host.Analysis;

/// <summary>
/// Writes a job's SR and SC files to <c>Storage:Root/outbox/JobId/</c>. The files go to a
/// temporary folder first, each flushed to disk, and the folder is renamed into place at the end,
/// so the sender never reads half a report. A folder left by an earlier attempt is replaced.
/// </summary>
public sealed class ReportOutbox
{
    public const string SrFileName = "sr.dcm";

    private readonly StorageOptions _storage;
    private readonly StudyReportWriter _writer;

    public ReportOutbox(NodeSettings settings, StudyReportWriter writer)
    {
        _storage = settings.Storage;
        _writer = writer;
    }

    /// <summary>The outbox folder of a job, relative to the storage root with '/' separators.</summary>
    public static string RelativeFolder(long jobId) => $"{StorageOptions.OutboxFolderName}/{jobId}";

    /// <summary>Writes the reports of one job; returns each file's SOP Instance UID and path relative to the storage root, the SR first.</summary>
    public IReadOnlyList<(string SopInstanceUid, string RelativePath)> Write(long jobId, ReportRequest request)
    {
        var (sr, sc) = _writer.Write(request);
        var files = new List<(string Name, DicomFile File)> { (SrFileName, sr) };
        files.AddRange(sc.Select((file, index) => ($"sc-{index + 1:D3}.dcm", file)));

        var folder = Path.Combine(_storage.RootPath, RelativeFolder(jobId));
        var staging = folder + ".partial";
        DeleteFolder(staging);
        Directory.CreateDirectory(staging);
        foreach (var (name, file) in files)
        {
            SaveFlushed(file, Path.Combine(staging, name));
        }

        DeleteFolder(folder);
        Directory.Move(staging, folder);
        return [.. files.Select(entry => (entry.File.Dataset.GetUid(DicomTags.SOPInstanceUID)!, $"{RelativeFolder(jobId)}/{entry.Name}"))];
    }

    /// <summary>The SR a job wrote, or null where its outbox contains none.</summary>
    public SourceInstance? ReadSr(long jobId)
    {
        var path = Path.Combine(_storage.RootPath, RelativeFolder(jobId), SrFileName);
        return File.Exists(path) ? SourceInstance.FromFile(DicomFile.Open(path)) : null;
    }

    private static void SaveFlushed(DicomFile file, string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        file.Write(stream);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
