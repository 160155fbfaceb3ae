using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Tags;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Client;

/// <summary>
/// A DICOM Storage and Verification SCU: C-ECHO, and C-STORE of many instances over one
/// association whose contexts come from the instances themselves.
/// </summary>
public sealed class DicomClient
{
    /// <summary>The syntaxes proposed for every SOP class: the ones any instance can be converted to.</summary>
    private static readonly DicomTransferSyntax[] UncompressedSyntaxes = [DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian];

    private readonly DicomClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public DicomClient(DicomClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DicomClient>();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Opens an association proposing the given contexts; the caller releases or aborts it.</summary>
    /// <exception cref="DicomAssociationRejectedException">The peer rejected the association.</exception>
    /// <exception cref="DicomNegotiationException">No context is proposed.</exception>
    public Task<DicomClientAssociation> OpenAssociationAsync(IReadOnlyList<DicomPresentationContextProposal> proposals, CancellationToken cancellationToken = default) =>
        DicomClientAssociation.OpenAsync(_options, proposals, _logger, _timeProvider, cancellationToken);

    /// <summary>Opens an association for Verification, sends C-ECHO and releases.</summary>
    /// <exception cref="DicomStatusException">The response status is not success.</exception>
    /// <exception cref="DicomNetworkException">The association failed.</exception>
    public async Task EchoAsync(CancellationToken cancellationToken = default)
    {
        await using var association = await OpenAssociationAsync([new DicomPresentationContextProposal(DicomUids.Verification, UncompressedSyntaxes)], cancellationToken).ConfigureAwait(false);
        var status = await association.EchoAsync(cancellationToken).ConfigureAwait(false);
        await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        if (!DimseStatus.IsSuccess(status))
        {
            throw new DicomStatusException("C-ECHO", status);
        }
    }

    /// <summary>
    /// Sends the files over one association and returns one outcome per path, in order. A file
    /// that cannot be read or has no accepted context is reported and skipped; if the association
    /// fails, the rest are reported unsent.
    /// </summary>
    /// <exception cref="DicomNegotiationException">No file could be read, so nothing would be proposed.</exception>
    /// <exception cref="DicomNetworkException">The association could not be opened.</exception>
    public async Task<IReadOnlyList<DicomStoreOutcome>> SendAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        // Read each file's SOP class and transfer syntax to build the proposal.
        var headers = paths.Select(ReadHeader).ToList();
        var readable = headers.Where(header => header.Error is null).ToList();
        var proposals = Propose(readable.Select(header => (header.SopClassUid!, header.TransferSyntax!)));
        if (proposals.Count == 0)
        {
            throw new DicomNegotiationException($"None of the files could be read, so no presentation context would be proposed. {DescribeUnreadable(headers)}");
        }

        // Send each readable file in turn over one association.
        var outcomes = new DicomStoreOutcome?[headers.Count];
        await using (var association = await OpenAssociationAsync(proposals, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < headers.Count; i++)
            {
                outcomes[i] = headers[i].Error is { } error
                    ? new DicomStoreOutcome(headers[i].Path, null, null, null, error)
                    : await SendOneAsync(association, headers[i].Path, cancellationToken).ConfigureAwait(false);
                if (outcomes[i]!.Status is null && association.State != StateMachine.UpperLayerState.Sta6)
                {
                    break;
                }
            }

            await ReleaseQuietlyAsync(association, cancellationToken).ConfigureAwait(false);
        }

        return [.. outcomes.Select((outcome, i) => outcome ?? new DicomStoreOutcome(headers[i].Path, headers[i].SopClassUid, null, null, "the association ended before this file"))];
    }

    /// <summary>Names the first unreadable file and its reason, and how many others there are.</summary>
    private static string DescribeUnreadable(List<FileHeader> headers)
    {
        if (headers.Count == 0)
        {
            return "No file was given.";
        }

        var first = headers[0];
        var others = headers.Count > 1 ? $" ({headers.Count - 1} other file(s) could not be read either)" : string.Empty;
        return $"{first.Path}: {first.Error?.TrimEnd('.')}{others}.";
    }

    /// <summary>
    /// Builds one context per SOP class offering Explicit and Implicit VR Little Endian, and one
    /// more per transfer syntax the instances of that class are in (big endian left out), at most
    /// 128 in all. The context of a file's own syntax lets it go unconverted, byte for byte, even
    /// where the peer would pick the other uncompressed syntax from the first context.
    /// </summary>
    /// <remarks>
    /// Where the limit cuts, the contexts an instance cannot do without come first: the
    /// uncompressed pair of every class, then the other syntaxes (encapsulated pixel data is
    /// never converted), then each class's own uncompressed syntax alone. A file that loses the
    /// last kind is converted, not left unsent.
    /// </remarks>
    public static IReadOnlyList<DicomPresentationContextProposal> Propose(IEnumerable<(string SopClassUid, DicomTransferSyntax TransferSyntax)> instances)
    {
        var pairs = new List<DicomPresentationContextProposal>();
        var others = new List<DicomPresentationContextProposal>();
        var unconverted = new List<DicomPresentationContextProposal>();
        foreach (var sopClass in instances.GroupBy(instance => instance.SopClassUid, StringComparer.Ordinal))
        {
            pairs.Add(new DicomPresentationContextProposal(sopClass.Key, UncompressedSyntaxes));
            foreach (var syntax in sopClass.Select(instance => instance.TransferSyntax).Distinct().Where(syntax => !syntax.IsBigEndian))
            {
                var own = UncompressedSyntaxes.Contains(syntax) ? unconverted : others;
                own.Add(new DicomPresentationContextProposal(sopClass.Key, [syntax]));
            }
        }

        return [.. pairs.Concat(others).Concat(unconverted).Take(DicomClientAssociation.MaxContexts)];
    }

    private async Task<DicomStoreOutcome> SendOneAsync(DicomClientAssociation association, string path, CancellationToken cancellationToken)
    {
        try
        {
            var fileLength = new FileInfo(path).Length;
            if (fileLength > _options.WholeFileLimitBytes && await TrySendFromDiskAsync(association, path, cancellationToken).ConfigureAwait(false) is { } streamed)
            {
                return streamed;
            }

            if (fileLength > Array.MaxLength)
            {
                throw new NotSupportedException($"the file is {fileLength} bytes, more than can be read whole to convert it, and the peer did not accept it in its own transfer syntax");
            }

            // One read serves the parse and, where the syntax stays, the bytes sent unchanged.
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var file = DicomFile.Read(bytes);
            var dataSet = bytes.AsMemory((int)file.DatasetOffset);
            return await association.StoreAsync(file, dataSet, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException or NotSupportedException or DicomNetworkException)
        {
            Log.InstanceSendFailed(_logger, path, exception);
            return new DicomStoreOutcome(path, null, null, null, exception.Message);
        }
    }

    /// <summary>
    /// Sends a large file from disk, one fragment at a time, where it goes in its own syntax and
    /// its data set has an even length. Returns null where it does not, so the caller reads it whole.
    /// </summary>
    private static async Task<DicomStoreOutcome?> TrySendFromDiskAsync(DicomClientAssociation association, string path, CancellationToken cancellationToken)
    {
        var header = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });
        var sopClass = header.Dataset.GetUid(DicomTags.SOPClassUID) ?? header.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPClassUID);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var length = file.Length - header.DatasetOffset;
        if (sopClass is null || header.TransferSyntax.IsDeflated || !association.SendsUnchanged(sopClass, header.TransferSyntax) || length % 2 != 0)
        {
            return null;
        }

        // Only the elements before Pixel Data were parsed, so Pixel Data is checked to end
        // within the file before any of it goes out.
        DicomPixelDataBounds.Check(file, header);
        file.Seek(header.DatasetOffset, SeekOrigin.Begin);
        return await association.StoreAsync(header, file, length, path, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ReleaseQuietlyAsync(DicomClientAssociation association, CancellationToken cancellationToken)
    {
        try
        {
            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DicomNetworkException)
        {
            // Every outcome is already recorded; a failed release changes none of them.
        }
    }

    private static FileHeader ReadHeader(string path)
    {
        try
        {
            var file = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });
            var sopClass = file.Dataset.GetUid(DicomTags.SOPClassUID) ?? file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPClassUID);
            return sopClass is null
                ? new FileHeader(path, null, null, "the file has no SOP Class UID")
                : new FileHeader(path, sopClass, file.TransferSyntax, null);
        }
        catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException)
        {
            return new FileHeader(path, null, null, $"the file cannot be read: {exception.Message}");
        }
    }

    private sealed record FileHeader(string Path, string? SopClassUid, DicomTransferSyntax? TransferSyntax, string? Error);
}
