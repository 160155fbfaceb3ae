using Microsoft.Extensions.Logging;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Dicom.Tags;
using Node.Host.Storage;

namespace Node.Host.Ingest;

/// <summary>
/// Writes received instances as Part 10 files under the instances root, as
/// <c>StudyUID/SeriesUID/SOPInstanceUID.dcm</c>. An instance is first written to a staging folder
/// inside the root (so on the same volume, where a rename is atomic), flushed to disk and checked;
/// then it is renamed into place and the folder flushed. A reader of the study folders never finds a
/// partial file there.
/// </summary>
/// <remarks>
/// Every UID that names a folder or file must be a valid UID (digits and dots, 1 to 64 characters),
/// which rules out separators and "..", and the full path is checked to lie under the root as well.
/// A rejected instance leaves nothing on disk.
/// </remarks>
public sealed class InstanceStore
{
    public const string FileExtension = ".dcm";

    /// <summary>Folder under the root for files being written; its leading dot keeps it apart from study folders, whose names are UIDs.</summary>
    public const string StagingFolderName = ".staging";

    /// <summary>Ends the name of a file being written; such a file is complete only once renamed.</summary>
    public const string TemporaryExtension = ".partial";

    /// <summary>Largest instance parsed whole after it arrives, 64 MiB; a larger one is parsed up to its Pixel Data (see <see cref="ReadChecked"/>).</summary>
    public const long WholeReadLimitBytes = 64L * 1024 * 1024;

    private readonly ILogger _logger;

    /// <param name="root">The instances root (<c>StorageOptions.InstancesPath</c>); it and its staging folder are created where missing.</param>
    /// <param name="logger">Receives files that could not be deleted.</param>
    /// <remarks>
    /// Deletes the files a stopped process left in the staging folder: none of them got a success
    /// status. Build one store per instances root, before the server starts.
    /// </remarks>
    public InstanceStore(string root, ILogger logger)
    {
        Root = Path.GetFullPath(root);
        StagingFolder = Path.Combine(Root, StagingFolderName);
        _logger = logger;
        Directory.CreateDirectory(StagingFolder);
        DeleteLeftovers();
    }

    /// <summary>The instances root, as an absolute path.</summary>
    public string Root { get; }

    /// <summary>Where files are written before they are checked and renamed into place.</summary>
    public string StagingFolder { get; }

    /// <summary>
    /// Creates the staging file of an instance and writes its Part 10 header; the data set follows
    /// through <see cref="StagingFile.Write"/> as it arrives.
    /// </summary>
    /// <exception cref="InstanceRejectedException">The command's SOP Instance UID is invalid (0117).</exception>
    /// <exception cref="IOException">The file could not be created.</exception>
    internal StagingFile BeginStaging(DicomStoreRequest request)
    {
        // The command's UID names the staging file, so it is checked before anything is written.
        if (UidRules.Problem(request.SopInstanceUid) is { } problem)
        {
            throw new InstanceRejectedException(DimseStatus.InvalidSopInstance, $"SOP Instance UID {problem}: '{request.SopInstanceUid}'");
        }

        var temporary = Path.Combine(StagingFolder, $"{request.SopInstanceUid}.{Guid.NewGuid():N}{TemporaryExtension}");
        try
        {
            return new StagingFile(temporary, FlushedPart10File.Create(request, temporary));
        }
        catch (DirectoryNotFoundException)
        {
            // Someone deleted the staging folder while the node ran; without it every instance would fail.
            Directory.CreateDirectory(StagingFolder);
            IngestLog.StagingFolderRecreated(_logger, StagingFolder);
            return new StagingFile(temporary, FlushedPart10File.Create(request, temporary));
        }
    }

    /// <summary>
    /// Flushes a staging file to disk once its data set is complete, closes it, and reads its Study,
    /// Series and SOP Instance UIDs. The file is deleted when this throws.
    /// </summary>
    /// <exception cref="InstanceRejectedException">The data set does not parse (C000), or its UIDs are missing, invalid or differ from the command (A900).</exception>
    /// <exception cref="IOException">The file could not be flushed, for example because the disk is full.</exception>
    internal StagedInstance FinishStaging(DicomStoreRequest request, StagingFile staging)
    {
        try
        {
            staging.File.Flush();
            staging.File.Dispose();
            var dataset = ReadChecked(staging.Path, staging.File.Length);
            return Check(request, dataset, staging.Path, staging.File.Length);
        }
        catch
        {
            Discard(staging);
            throw;
        }
    }

    /// <summary>Closes and deletes a staging file whose instance gets no success.</summary>
    internal void Discard(StagingFile staging)
    {
        staging.File.Dispose();
        DeleteFile(staging.Path);
    }

    /// <summary>
    /// Renames the staged file into place unless a file is already there, then flushes the folder.
    /// Returns false, leaving both files as they are, where the target exists.
    /// </summary>
    public bool TryPlace(StagedInstance staged)
    {
        var seriesFolder = CreateFolders(staged);
        try
        {
            File.Move(staged.TemporaryPath, staged.TargetPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(staged.TargetPath))
        {
            return false;
        }

        FolderSync.TryFlush(seriesFolder);
        return true;
    }

    /// <summary>Renames the staged file into place over the file already there, then flushes the folder.</summary>
    public void Replace(StagedInstance staged)
    {
        var seriesFolder = CreateFolders(staged);
        File.Move(staged.TemporaryPath, staged.TargetPath, overwrite: true);
        FolderSync.TryFlush(seriesFolder);
    }

    /// <summary>Deletes a file of this store; a failure is logged, not thrown, since the instance's outcome is already decided.</summary>
    public void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            IngestLog.FileNotDeleted(_logger, path, exception);
        }
    }

    private void DeleteLeftovers()
    {
        var leftovers = Directory.GetFiles(StagingFolder, "*" + TemporaryExtension);
        foreach (var path in leftovers)
        {
            DeleteFile(path);
        }

        if (leftovers.Length > 0)
        {
            IngestLog.StagingLeftoversDeleted(_logger, leftovers.Length, StagingFolder);
        }
    }


    /// <summary>
    /// Parses the data set, Pixel Data included: a peer may end a data set early and still mark its
    /// last fragment, and only a parse detects that the declared lengths overrun the bytes received.
    /// Such an instance gets C000 in place of a success for a file no reader can open. A file over
    /// <see cref="WholeReadLimitBytes"/> is parsed up to its Pixel Data, whose end is then checked
    /// against the file's length, so memory does not grow with the instance.
    /// </summary>
    private static DicomDataset ReadChecked(string path, long length)
    {
        try
        {
            if (length <= WholeReadLimitBytes)
            {
                return DicomFile.Open(path).Dataset;
            }

            var header = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            DicomPixelDataBounds.Check(file, header);
            return header.Dataset;
        }
        catch (Exception exception) when (exception is DicomFormatException or InvalidDataException or EndOfStreamException)
        {
            throw new InstanceRejectedException(DimseStatus.CannotUnderstand, $"Data set unreadable: {exception.Message}");
        }
    }

    /// <summary>Checks the data set's UIDs against the command and the path rules, and builds the target path.</summary>
    private StagedInstance Check(DicomStoreRequest request, DicomDataset dataset, string temporary, long length)
    {
        // A9xx (data set does not match SOP class) is the Storage status closest to a data set that contradicts its command.
        RequireCommandUid(dataset, DicomTags.SOPInstanceUID, "SOP Instance UID", request.SopInstanceUid);
        RequireCommandUid(dataset, DicomTags.SOPClassUID, "SOP Class UID", request.SopClassUid);

        var study = RequireFolderUid(dataset, DicomTags.StudyInstanceUID, "Study Instance UID");
        var series = RequireFolderUid(dataset, DicomTags.SeriesInstanceUID, "Series Instance UID");

        // The UIDs are digits and dots, so the path cannot leave the root; checked anyway, as the last guard.
        var target = Path.GetFullPath(Path.Combine(Root, study, series, request.SopInstanceUid + FileExtension));
        if (!target.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InstanceRejectedException(DimseStatus.DataSetDoesNotMatchSopClassError, $"Path outside the instance store: '{target}'");
        }

        var relative = $"{study}/{series}/{request.SopInstanceUid}{FileExtension}";
        return new StagedInstance(temporary, target, relative, study, series, request.SopInstanceUid, length);
    }

    private static void RequireCommandUid(DicomDataset dataset, DicomTag tag, string name, string commandUid)
    {
        var uid = dataset.GetUid(tag);
        if (uid is null)
        {
            throw new InstanceRejectedException(DimseStatus.DataSetDoesNotMatchSopClassError, $"Data set {name} missing; command has '{commandUid}'");
        }

        if (!string.Equals(uid, commandUid, StringComparison.Ordinal))
        {
            throw new InstanceRejectedException(DimseStatus.DataSetDoesNotMatchSopClassError, $"Data set {name} differs from command: '{uid}'");
        }
    }

    private static string RequireFolderUid(DicomDataset dataset, DicomTag tag, string name)
    {
        var uid = dataset.GetUid(tag);
        return UidRules.Problem(uid) is { } problem
            ? throw new InstanceRejectedException(DimseStatus.DataSetDoesNotMatchSopClassError, $"{name} {problem}: '{uid}'")
            : uid!;
    }

    /// <summary>Creates the study and series folders where missing, flushing each parent that gained a folder; returns the series folder.</summary>
    private string CreateFolders(StagedInstance staged)
    {
        var studyFolder = Path.Combine(Root, staged.StudyInstanceUid);
        var seriesFolder = Path.Combine(studyFolder, staged.SeriesInstanceUid);
        CreateFolder(studyFolder, Root);
        CreateFolder(seriesFolder, studyFolder);
        return seriesFolder;
    }

    private static void CreateFolder(string folder, string parent)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        FolderSync.TryFlush(parent);
    }
}
