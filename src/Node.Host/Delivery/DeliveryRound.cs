using Microsoft.Extensions.Logging;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;
using Node.Dicom.Tags;

namespace Node.Host.Delivery;

/// <summary>
/// The files of one <see cref="DestinationSender.SendAsync"/> call and what each attempt learned
/// of them, so a retry sends only the files still pending. Used by one call, one attempt at a time.
/// </summary>
internal sealed class DeliveryRound
{
    private readonly List<RoundFile> _files;

    private DeliveryRound(List<RoundFile> files) => _files = files;

    /// <summary>Files not yet delivered or rejected.</summary>
    public int PendingCount => _files.Count(file => file.Outcome is null);

    /// <summary>Reads every file; one that cannot be read, or contains another SOP instance than the caller named, is rejected before any association.</summary>
    public static DeliveryRound Open(IReadOnlyList<(string SopInstanceUid, string Path)> files) =>
        new([.. files.Select(file => RoundFile.Read(file.SopInstanceUid, file.Path))]);

    /// <summary>
    /// Sends every pending file over one new association, proposing contexts from their SOP
    /// classes and transfer syntaxes, and records each response.
    /// </summary>
    /// <exception cref="DicomNetworkException">The association failed; files without a response stay pending. Also a transient <see cref="DicomStatusException"/> where the destination responded with a transient failure status for a file.</exception>
    public async Task SendPendingAsync(DicomClient client, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = _files.Where(file => file.Outcome is null).ToList();
        foreach (var file in pending)
        {
            file.StartAttempt();
        }

        try
        {
            await SendOverOneAssociationAsync(client, pending, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (DicomNetworkException exception)
        {
            foreach (var file in pending.Where(file => file.Outcome is null && file.Status is null))
            {
                file.Error = exception.Message;
            }

            throw;
        }

        // A transient status fails the attempt, so the retry strategy sends the file again.
        var busy = pending.FirstOrDefault(file => file.Outcome is null);
        if (busy is not null)
        {
            throw new DicomStatusException("C-STORE", busy.Status!.Value, busy.ErrorComment);
        }
    }

    /// <summary>Gives every file still pending the reason it was not attempted, where it has none from an attempt.</summary>
    public void MarkNotAttempted(string reason)
    {
        foreach (var file in _files.Where(file => file.Outcome is null && file.Error is null))
        {
            file.Error = reason;
        }
    }

    /// <summary>
    /// Returns one result per file, in the caller's order. A file still pending whose last attempt
    /// got a transient failure status is rejected with it, since the retry limit is spent; one
    /// without a response is not attempted.
    /// </summary>
    public IReadOnlyList<FileDeliveryResult> Results() => [.. _files.Select(file => file.Result())];

    private static async Task SendOverOneAssociationAsync(DicomClient client, List<RoundFile> pending, ILogger logger, CancellationToken cancellationToken)
    {
        var proposals = DicomClient.Propose(pending.Select(file => (file.SopClassUid!, file.File!.TransferSyntax)));
        var association = await client.OpenAssociationAsync(proposals, cancellationToken).ConfigureAwait(false);
        await using (association.ConfigureAwait(false))
        {
            foreach (var file in pending)
            {
                var outcome = await association.StoreAsync(file.File!, file.Path, cancellationToken).ConfigureAwait(false);
                file.Record(outcome);
            }

            await ReleaseAsync(association, logger, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the association; every file has its response by now, so a failed release changes none of them.</summary>
    private static async Task ReleaseAsync(DicomClientAssociation association, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DicomNetworkException exception)
        {
            DeliveryLog.ReleaseFailed(logger, exception);
        }
    }

    /// <summary>One file of the round and what is known of it so far.</summary>
    private sealed class RoundFile
    {
        private RoundFile(string sopInstanceUid, string path)
        {
            SopInstanceUid = sopInstanceUid;
            Path = path;
        }

        public string SopInstanceUid { get; }

        public string Path { get; }

        /// <summary>The whole instance, read once per call; null where the file was rejected on reading.</summary>
        public DicomFile? File { get; private set; }

        public string? SopClassUid { get; private set; }

        /// <summary>Delivered or rejected once settled; null while pending.</summary>
        public FileDeliveryOutcome? Outcome { get; private set; }

        /// <summary>The status of the latest attempt; null before the response arrives.</summary>
        public ushort? Status { get; private set; }

        /// <summary>The Error Comment of the latest response, as the destination sent it.</summary>
        public string? ErrorComment { get; private set; }

        /// <summary>Why the file is not delivered, or the warning's comment; for people.</summary>
        public string? Error { get; set; }

        public int Attempts { get; private set; }

        public static RoundFile Read(string sopInstanceUid, string path)
        {
            var file = new RoundFile(sopInstanceUid, path);
            try
            {
                file.Accept(DicomFile.Open(path));
            }
            catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException)
            {
                file.Reject(null, $"the file cannot be read: {exception.Message}");
            }

            return file;
        }

        public void StartAttempt()
        {
            Attempts++;
            Status = null;
            ErrorComment = null;
            Error = null;
        }

        public void Record(DicomStoreOutcome outcome)
        {
            Status = outcome.Status;
            ErrorComment = outcome.Error;
            if (outcome.Status is not { } status)
            {
                Reject(null, outcome.Error);
            }
            else if (DeliveryStatuses.IsStored(status))
            {
                Outcome = FileDeliveryOutcome.Delivered;
                Error = outcome.Error;
            }
            else if (DeliveryStatuses.IsTransient(status))
            {
                Error = Describe(status, outcome.Error);
            }
            else
            {
                Reject(status, Describe(status, outcome.Error));
            }
        }

        public FileDeliveryResult Result()
        {
            var outcome = Outcome
                ?? (Status is { } status && DeliveryStatuses.IsTransient(status) ? FileDeliveryOutcome.Rejected : FileDeliveryOutcome.NotAttempted);
            return new FileDeliveryResult(SopInstanceUid, Path, outcome, Status, Error, Attempts);
        }

        private static string Describe(ushort status, string? errorComment) =>
            errorComment is null ? $"status {DimseStatus.Describe(status)}" : $"status {DimseStatus.Describe(status)}: {errorComment}";

        private void Accept(DicomFile dicom)
        {
            var sopClass = dicom.Dataset.GetUid(DicomTags.SOPClassUID) ?? dicom.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPClassUID);
            var sopInstance = dicom.Dataset.GetUid(DicomTags.SOPInstanceUID) ?? dicom.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID);
            if (sopClass is null)
            {
                Reject(null, "the file has no SOP Class UID");
            }
            else if (sopInstance != SopInstanceUid)
            {
                Reject(null, $"the file contains SOP Instance UID '{sopInstance}', not '{SopInstanceUid}' as the delivery names");
            }
            else
            {
                File = dicom;
                SopClassUid = sopClass;
            }
        }

        private void Reject(ushort? status, string? error)
        {
            Outcome = FileDeliveryOutcome.Rejected;
            Status = status;
            Error = error;
        }
    }
}
