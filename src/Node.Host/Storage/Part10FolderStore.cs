using Microsoft.Extensions.Logging;
using Node.Dicom.Uids;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Host.Logging;

namespace Node.Host.Storage;

/// <summary>
/// Stores each received instance in one folder as a Part 10 file named <c>SOPInstanceUID.dcm</c>.
/// The file is written under a temporary name as the fragments arrive, then flushed to disk and
/// renamed into place before the status goes back, so a success status is sent only for an
/// instance whose bytes are on disk and a reader of the folder never finds a partial <c>.dcm</c> file.
/// </summary>
/// <remarks>
/// The SOP Instance UID becomes a file name, so it is checked first: only digits and dots, 1 to 64
/// characters, no empty component and no leading zero in a component (PS3.5 9.1). That rules out path separators, "..", and names longer than
/// a file system allows. An instance that fails the check gets 0117 (invalid SOP instance) and
/// nothing is written. An instance already in the folder is replaced.
/// NOTE: the rename is not followed by an fsync of the folder, so after a power loss an instance
/// reported stored may be found under its temporary name, with its bytes complete.
/// </remarks>
internal sealed class Part10FolderStore : IDicomInlineStoreHandler
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

    public ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken) =>
        DicomInstanceWriters.StoreAsync(this, request, dataSet, cancellationToken);

    public IDicomInstanceWriter Begin(DicomStoreRequest request)
    {
        // The UID names the file, so nothing is written for one that could name another path.
        var uid = request.SopInstanceUid;
        if (!DicomUid.IsValid(uid))
        {
            HostLog.InvalidSopInstanceUid(_logger, uid);
            return DicomInstanceWriters.Reject(new DicomStoreResult(DimseStatus.InvalidSopInstance, "SOP Instance UID is not a valid UID"));
        }

        // Written and flushed under a temporary name, then renamed into place.
        var target = Path.Combine(_folder, uid + FileExtension);
        var temporary = Path.Combine(_folder, $".{uid}.{Guid.NewGuid():N}{TemporaryExtension}");
        return new InstanceWriter(this, FlushedPart10File.Create(request, temporary), uid, temporary, target);
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

    /// <summary>One instance being written under its temporary name, and renamed into place once complete and flushed.</summary>
    private sealed class InstanceWriter(Part10FolderStore store, FlushedPart10File file, string uid, string temporary, string target) : IDicomInstanceWriter
    {
        /// <summary>Set once the file is in place. Until then, disposing deletes it.</summary>
        private bool _placed;

        public void Write(ReadOnlySpan<byte> fragment) => file.Write(fragment);

        public ValueTask<DicomStoreResult> CompleteAsync(CancellationToken cancellationToken)
        {
            file.Flush();
            file.Dispose();
            File.Move(temporary, target, overwrite: true);
            _placed = true;

            HostLog.FileWritten(store._logger, uid, target, file.Length);
            return ValueTask.FromResult(DicomStoreResult.Success);
        }

        public void Dispose()
        {
            file.Dispose();
            if (!_placed)
            {
                store.DeleteQuietly(temporary);
            }
        }
    }
}
