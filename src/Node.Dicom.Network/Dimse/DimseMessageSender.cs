using System.Buffers;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Dimse;

/// <summary>
/// Sends DIMSE messages as P-DATA-TF PDUs of one PDV each, no larger than the peer's Maximum
/// Length (PS3.8 D.1), every fragment of even length.
/// </summary>
internal sealed class DimseMessageSender
{
    /// <summary>Fragment length used where the peer announced 0 (no limit), in bytes.</summary>
    public const int UnlimitedPeerFragmentLength = 256 * 1024;

    /// <summary>Passes one P-DATA-TF to the state machine (Evt9).</summary>
    private readonly Func<PDataTf, CancellationToken, ValueTask> _send;

    public DimseMessageSender(Func<PDataTf, CancellationToken, ValueTask> send, uint peerMaxPduLength)
    {
        _send = send;
        MaxFragmentLength = FragmentLengthFor(peerMaxPduLength);
    }

    /// <summary>Largest fragment sent, in bytes: even, and with its 6-byte PDV header within the peer's maximum.</summary>
    public int MaxFragmentLength { get; }

    /// <summary>
    /// The fragment length for a peer's Maximum Length: that length less the PDV header, rounded
    /// down to even; <see cref="UnlimitedPeerFragmentLength"/> for 0.
    /// </summary>
    public static int FragmentLengthFor(uint peerMaxPduLength)
    {
        const int minFragmentLength = 2;
        if (peerMaxPduLength == 0)
        {
            return UnlimitedPeerFragmentLength;
        }

        var fragment = (long)peerMaxPduLength - PduLayout.PdvHeaderLength;
        fragment = Math.Min(fragment, int.MaxValue - PduLayout.PdvHeaderLength) & ~1L;
        return (int)Math.Max(fragment, minFragmentLength);
    }

    /// <summary>Sends the command, then the data set if one is given, each split into fragments.</summary>
    public async ValueTask SendAsync(byte contextId, DimseCommand command, ReadOnlyMemory<byte>? dataSet, CancellationToken cancellationToken)
    {
        await SendFragmentsAsync(contextId, command.Encode(), isCommand: true, cancellationToken).ConfigureAwait(false);
        if (dataSet is { } data)
        {
            await SendFragmentsAsync(contextId, data, isCommand: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the command, then <paramref name="length"/> bytes of data set read from
    /// <paramref name="dataSet"/> one fragment at a time, so only one fragment is in memory.
    /// </summary>
    /// <exception cref="EndOfStreamException">The stream ended before <paramref name="length"/> bytes.</exception>
    public async ValueTask SendAsync(byte contextId, DimseCommand command, Stream dataSet, long length, CancellationToken cancellationToken)
    {
        await SendFragmentsAsync(contextId, command.Encode(), isCommand: true, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxFragmentLength);
        try
        {
            var remaining = length;
            do
            {
                var fragment = buffer.AsMemory(0, (int)Math.Min(MaxFragmentLength, remaining));
                await dataSet.ReadExactlyAsync(fragment, cancellationToken).ConfigureAwait(false);
                remaining -= fragment.Length;
                var value = new PresentationDataValue(contextId, false, remaining == 0, fragment);
                await _send(new PDataTf([value]), cancellationToken).ConfigureAwait(false);
            }
            while (remaining > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask SendFragmentsAsync(byte contextId, ReadOnlyMemory<byte> bytes, bool isCommand, CancellationToken cancellationToken)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(MaxFragmentLength, bytes.Length - offset);
            var isLast = offset + length == bytes.Length;
            var value = new PresentationDataValue(contextId, isCommand, isLast, bytes.Slice(offset, length));
            await _send(new PDataTf([value]), cancellationToken).ConfigureAwait(false);
            offset += length;
        }
        while (offset < bytes.Length);
    }
}
