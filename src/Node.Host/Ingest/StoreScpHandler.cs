using System.Net;
using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Host.Jobs;

using Node.Host.Logging;

namespace Node.Host.Ingest;

/// <summary>
/// The node's C-STORE handler. It checks the disk margin, writes the instance to the instance store
/// as its fragments arrive, and records it in the job store before it returns success. A PACS that received success can
/// therefore rely on the instance surviving a crash.
/// </summary>
/// <remarks>
/// A duplicate (a SOP Instance UID the study already has) keeps the file of the first copy and
/// gets success. Stores of the same study and SOP Instance UID run one at a time in this process,
/// so two associations sending one instance cannot delete each other's file.
/// NOTE: that lock is per process; nodes that share one instance folder would need a lock in the job store.
/// </remarks>
public sealed class StoreScpHandler : IDicomInlineStoreHandler
{
    /// <summary>Stripes of the per-instance lock: enough that unrelated instances rarely wait for each other.</summary>
    private const int LockStripes = 64;

    private readonly InstanceStore _instances;
    private readonly DiskSpaceGuard _diskSpace;
    private readonly IJobStore _jobs;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Serializes placing and recording per study and SOP Instance UID.</summary>
    private readonly StripedLock _instanceLock = new(LockStripes);

    public StoreScpHandler(InstanceStore instances, DiskSpaceGuard diskSpace, IJobStore jobs, TimeProvider timeProvider, ILogger<StoreScpHandler> logger)
    {
        _instances = instances;
        _diskSpace = diskSpace;
        _jobs = jobs;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken) =>
        DicomInstanceWriters.StoreAsync(this, request, dataSet, cancellationToken);

    public IDicomInstanceWriter Begin(DicomStoreRequest request)
    {
        // Reject before reading a byte where the disk is nearly full.
        if (_diskSpace.Check() is { } refusal)
        {
            return DicomInstanceWriters.Reject(refusal);
        }

        // The data set goes to a staging file as it arrives.
        try
        {
            return new InstanceWriter(this, request, _instances.BeginStaging(request));
        }
        catch (InstanceRejectedException rejection)
        {
            return DicomInstanceWriters.Reject(Rejected(request, rejection));
        }
    }

    /// <summary>Flushes and checks the staged instance, then places and records it under the instance's lock.</summary>
    private async ValueTask<DicomStoreResult> CompleteAsync(DicomStoreRequest request, StagingFile staging, CancellationToken cancellationToken)
    {
        StagedInstance staged;
        try
        {
            staged = _instances.FinishStaging(request, staging);
        }
        catch (InstanceRejectedException rejection)
        {
            return Rejected(request, rejection);
        }

        using var scope = _logger.BeginScope(LogFields.Instance(staged.StudyInstanceUid, staged.SopInstanceUid));
        using (await _instanceLock.AcquireAsync($"{staged.StudyInstanceUid}/{staged.SopInstanceUid}", cancellationToken).ConfigureAwait(false))
        {
            return await PlaceAndRecordAsync(request, staged, cancellationToken).ConfigureAwait(false);
        }
    }

    private DicomStoreResult Rejected(DicomStoreRequest request, InstanceRejectedException rejection)
    {
        IngestLog.InstanceRejected(_logger, request.Association.AssociationId, request.SopInstanceUid, DimseStatus.Describe(rejection.Status), rejection.Reason);
        return new DicomStoreResult(rejection.Status, rejection.Reason);
    }

    private async Task<DicomStoreResult> PlaceAndRecordAsync(DicomStoreRequest request, StagedInstance staged, CancellationToken cancellationToken)
    {
        // The file goes in place first, so a recorded instance always has its file.
        bool placed;
        try
        {
            placed = _instances.TryPlace(staged);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The server responds to an I/O fault with A700 and logs it.
            _instances.DeleteFile(staged.TemporaryPath);
            throw;
        }

        var newFile = placed ? staged.TargetPath : staged.TemporaryPath;

        InstanceRecordOutcome outcome;
        try
        {
            outcome = await _jobs.RecordInstanceAsync(ToReceivedInstance(request, staged), _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _instances.DeleteFile(newFile);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            IngestLog.RecordFailed(_logger, request.Association.AssociationId, staged.StudyInstanceUid, staged.SopInstanceUid, exception);
            return new DicomStoreResult(DimseStatus.OutOfResources, "Job store failed; instance not stored");
        }

        await FinishAsync(request, staged, placed, newFile, outcome, cancellationToken).ConfigureAwait(false);
        return DicomStoreResult.Success;
    }

    /// <summary>Settles the files after the record: a duplicate's new copy goes, a new instance's file is the one just received.</summary>
    private async Task FinishAsync(DicomStoreRequest request, StagedInstance staged, bool placed, string newFile, InstanceRecordOutcome outcome, CancellationToken cancellationToken)
    {
        var associationId = request.Association.AssociationId;
        if (outcome.IsDuplicate)
        {
            // The first copy stays where the job store has it; this one goes, placed or not.
            _instances.DeleteFile(newFile);
            var job = await _jobs.GetJobAsync(outcome.JobId, cancellationToken).ConfigureAwait(false);
            IngestLog.DuplicateReceived(_logger, associationId, staged.StudyInstanceUid, outcome.JobId, staged.SopInstanceUid, job?.InstanceCount ?? 0, job?.DuplicateCount ?? 0);
            return;
        }

        if (!placed)
        {
            // A file was in place that no job recorded: left by a stop between rename and record. The new copy is the recorded one.
            _instances.Replace(staged);
            IngestLog.UnrecordedFileReplaced(_logger, associationId, staged.RelativePath);
        }

        if (outcome.StartedJob)
        {
            IngestLog.JobStarted(_logger, associationId, staged.StudyInstanceUid, outcome.JobId, staged.SopInstanceUid);
        }

        IngestLog.InstanceStored(_logger, associationId, staged.StudyInstanceUid, outcome.JobId, staged.SopInstanceUid, staged.Length, staged.RelativePath);
    }

    private static ReceivedInstance ToReceivedInstance(DicomStoreRequest request, StagedInstance staged) => new(
        staged.StudyInstanceUid,
        staged.SeriesInstanceUid,
        request.SopClassUid,
        staged.SopInstanceUid,
        request.TransferSyntax.Uid,
        staged.RelativePath,
        staged.Length,
        request.Association.CallingAeTitle,
        PeerAddress(request.Association.RemoteEndPoint),
        request.Association.AssociationId);

    private static string PeerAddress(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => (ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address).ToString(),
        null => "unknown",
        _ => endPoint.ToString() ?? "unknown",
    };

    /// <summary>One instance on its way to the staging folder.</summary>
    private sealed class InstanceWriter(StoreScpHandler handler, DicomStoreRequest request, StagingFile staging) : IDicomInstanceWriter
    {
        /// <summary>Set once completion took the staging file over. Until then, disposing deletes it.</summary>
        private bool _handedOver;

        public void Write(ReadOnlySpan<byte> fragment) => staging.Write(fragment);

        public ValueTask<DicomStoreResult> CompleteAsync(CancellationToken cancellationToken)
        {
            _handedOver = true;
            return handler.CompleteAsync(request, staging, cancellationToken);
        }

        public void Dispose()
        {
            if (!_handedOver)
            {
                handler._instances.Discard(staging);
            }
        }
    }
}
