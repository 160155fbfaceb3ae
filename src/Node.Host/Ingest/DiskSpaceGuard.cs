using System.Globalization;
using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;

namespace Node.Host.Ingest;

/// <summary>
/// Refuses instances while the storage volume has less free space than the configured margin, so
/// the node never fills its disk (the job store and the reports need room too).
/// </summary>
/// <remarks>
/// The free space is read before each instance; an instance larger than the margin can still
/// fill the disk, and then its write fails with an I/O error that the server answers with A700 too.
/// A warning is logged when the space drops below the margin and an information line when it is
/// back, not once per refused instance.
/// </remarks>
public sealed class DiskSpaceGuard
{
    private const long BytesPerMegabyte = 1024 * 1024;

    private readonly long _marginBytes;
    private readonly long _marginMegabytes;
    private readonly Func<long> _freeBytes;
    private readonly ILogger _logger;

    /// <summary>1 while the last reading was below the margin, else 0; written by concurrent associations.</summary>
    private int _low;

    /// <param name="marginMegabytes">Free space, in MiB, to leave on the volume; 0 turns the check off.</param>
    /// <param name="freeBytes">Reads the free bytes of the storage volume; see <see cref="ForVolumeOf"/>.</param>
    /// <param name="logger">Receives the warning when space runs low.</param>
    public DiskSpaceGuard(long marginMegabytes, Func<long> freeBytes, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(marginMegabytes);
        _marginMegabytes = marginMegabytes;
        _marginBytes = marginMegabytes * BytesPerMegabyte;
        _freeBytes = freeBytes;
        _logger = logger;
    }

    /// <summary>Returns a reader of the space available to this process on the volume that holds <paramref name="path"/>, an existing folder.</summary>
    public static Func<long> ForVolumeOf(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return () => new DriveInfo(fullPath).AvailableFreeSpace;
    }

    /// <summary>Returns the A700 result to send where free space is below the margin, or null where the instance may be stored.</summary>
    public DicomStoreResult? Check()
    {
        if (_marginBytes == 0)
        {
            return null;
        }

        var free = _freeBytes();
        var freeMegabytes = free / BytesPerMegabyte;
        if (free >= _marginBytes)
        {
            if (Interlocked.Exchange(ref _low, 0) == 1)
            {
                IngestLog.DiskSpaceRecovered(_logger, freeMegabytes, _marginMegabytes);
            }

            return null;
        }

        if (Interlocked.Exchange(ref _low, 1) == 0)
        {
            IngestLog.DiskSpaceLow(_logger, freeMegabytes, _marginMegabytes);
        }

        return new DicomStoreResult(DimseStatus.OutOfResources, string.Create(CultureInfo.InvariantCulture, $"Disk space low: {freeMegabytes} MiB free, margin {_marginMegabytes} MiB"));
    }
}
