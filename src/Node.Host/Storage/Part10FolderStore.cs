using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Host.Logging;

namespace Node.Host.Storage;

/// <summary>
/// Stores each received instance in one folder as a Part 10 file named <c>SOPInstanceUID.dcm</c>.
/// The file is written under a temporary name, flushed to disk and renamed into place before the
/// handler returns, so a success status is sent only for an instance whose bytes are on disk and a
/// reader of the folder never sees a partial <c>.dcm</c> file.
/// </summary>
/// <remarks>
/// The SOP Instance UID becomes a file name, so it is checked first: only digits and dots, 1 to 64
/// characters, no empty component. That rules out path separators, "..", and names longer than
/// a file system allows. An instance that fails the check gets 0117 (invalid SOP instance) and
/// nothing is written. An instance already in the folder is replaced.
/// NOTE: the rename is not followed by an fsync of the folder, so after a power loss an instance
/// reported stored may be found under its temporary name, with its bytes complete.
/// </remarks>
internal sealed class Part10FolderStore : IDicomStoreHandler
{
    public const string FileExtension = ".dcm";

    /// <summary>Ends the temporary name of a file being written; such a file is complete only once renamed.</summary>
    public const string TemporaryExtension = ".partial";

    private readonly string _folder;
    private readonly ILogger _logger;

    /// <param name="folder">An existing folder; files are written directly in it.</param>
    /// <param name="logger">Receives a line per file written and per instance rejected.</param>
    public Part10FolderStore(string folder, ILogger logger)
    {
        _folder = Path.GetFullPath(folder);
        _logger = logger;
        ReportLeftovers();
    }

    public async ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        // The UID names the file, so nothing is written for one that could name another path.
        var uid = request.SopInstanceUid;
        if (!PduText.IsValidUid(uid))
        {
            HostLog.InvalidSopInstanceUid(_logger, uid);
            return new DicomStoreResult(DimseStatus.InvalidSopInstance, "SOP Instance UID is not a valid UID");
        }

        // Write and flush under a temporary name, then rename into place.
        var target = Path.Combine(_folder, uid + FileExtension);
        var temporary = Path.Combine(_folder, $".{uid}.{Guid.NewGuid():N}{TemporaryExtension}");
        long length;
        try
        {
            length = await FlushedPart10File.WriteAsync(request, dataSet, temporary, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }

        HostLog.FileWritten(_logger, uid, target, length);
        return DicomStoreResult.Success;
    }


    /// <summary>
    /// Logs the temporary files a stopped receiver left in the folder. They are not deleted, since
    /// another receiver may be writing them into the same folder.
    /// </summary>
    private void ReportLeftovers()
    {
        var count = Directory.EnumerateFiles(_folder, ".*" + TemporaryExtension).Count();
        if (count > 0)
        {
            HostLog.PartialFilesFound(_logger, count, _folder);
        }
    }

    private void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            HostLog.TemporaryFileNotDeleted(_logger, path, exception);
        }
    }
}
