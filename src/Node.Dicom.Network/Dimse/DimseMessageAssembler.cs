using Node.Dicom.Errors;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Dimse;

/// <summary>
/// Rebuilds DIMSE messages from PDVs (PS3.7 Annex E, PS3.8 Annex E): all command fragments,
/// the last with bits 0x03, then, where the command announces one, all data set fragments, the
/// last with 0x02, on the same accepted presentation context. Anything else is a protocol fault.
/// </summary>
internal sealed class DimseMessageAssembler
{
    /// <summary>Largest command set accepted, in bytes; real ones are a few hundred.</summary>
    public const int MaxCommandLength = 64 * 1024;

    /// <summary>The accepted contexts by ID; a PDV on any other ID is a fault.</summary>
    private readonly IReadOnlyDictionary<byte, PresentationContext> _contexts;

    /// <summary>Command bytes collected so far.</summary>
    private readonly MemoryStream _command = new();

    private Phase _phase = Phase.Idle;

    /// <summary>The context of the message in progress.</summary>
    private PresentationContext? _context;

    public DimseMessageAssembler(IReadOnlyDictionary<byte, PresentationContext> acceptedContexts)
    {
        _contexts = acceptedContexts;
    }

    private enum Phase
    {
        Idle,
        Command,
        DataSet,
    }

    /// <summary>True while a data set is announced but its last fragment has not arrived.</summary>
    public bool IsReceivingDataSet => _phase == Phase.DataSet;

    /// <exception cref="DicomProtocolException">A PDV breaks the message rules.</exception>
    public async ValueTask FeedAsync(PDataTf pdu, IDimseReceiver receiver, CancellationToken cancellationToken)
    {
        long offset = PduLayout.HeaderLength;
        foreach (var value in pdu.Values)
        {
            await FeedAsync(value, offset, receiver, cancellationToken).ConfigureAwait(false);
            offset += value.EncodedLength;
        }
    }

    private async ValueTask FeedAsync(PresentationDataValue value, long offset, IDimseReceiver receiver, CancellationToken cancellationToken)
    {
        // Each PDV names an accepted context, the one of the message in progress if any.
        if (!_contexts.TryGetValue(value.PresentationContextId, out var context) || !context.IsAccepted)
        {
            throw Fault(offset, $"presentation context {value.PresentationContextId} was not accepted");
        }

        if (_phase != Phase.Idle && context.Id != _context!.Id)
        {
            throw Fault(offset, $"context {context.Id} interrupts a message on context {_context.Id}");
        }

        if (value.IsCommand)
        {
            await FeedCommandAsync(value, context, offset, receiver, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FeedDataSetAsync(value, offset, receiver, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FeedCommandAsync(PresentationDataValue value, PresentationContext context, long offset, IDimseReceiver receiver, CancellationToken cancellationToken)
    {
        if (_phase == Phase.DataSet)
        {
            throw Fault(offset, "a command fragment arrived before the last fragment of the previous data set");
        }

        // Collect the command bytes, bounded.
        _phase = Phase.Command;
        _context = context;
        if (_command.Length + value.Fragment.Length > MaxCommandLength)
        {
            throw Fault(offset, $"the command set exceeds {MaxCommandLength} bytes");
        }

        _command.Write(value.Fragment.Span);
        if (!value.IsLast)
        {
            return;
        }

        // The last fragment: decode and pass the command up.
        var command = Decode(offset);
        _phase = command.HasDataSet ? Phase.DataSet : Phase.Idle;
        await receiver.OnCommandAsync(context, command, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask FeedDataSetAsync(PresentationDataValue value, long offset, IDimseReceiver receiver, CancellationToken cancellationToken)
    {
        if (_phase != Phase.DataSet)
        {
            throw Fault(offset, _phase == Phase.Command ? "a data set fragment arrived before the last command fragment" : "a data set fragment arrived that no command announced");
        }

        if (value.IsLast)
        {
            _phase = Phase.Idle;
        }

        await receiver.OnDataSetFragmentAsync(value.Fragment, value.IsLast, cancellationToken).ConfigureAwait(false);
    }

    private DimseCommand Decode(long offset)
    {
        try
        {
            return DimseCommand.Decode(_command.ToArray());
        }
        catch (DicomFormatException exception)
        {
            throw Fault(offset, $"the command set does not decode: {exception.Message}");
        }
        finally
        {
            _command.SetLength(0);
        }
    }

    private static DicomProtocolException Fault(long offset, string reason) =>
        new(PDataTf.PduName, "Presentation data value", offset, reason);
}
