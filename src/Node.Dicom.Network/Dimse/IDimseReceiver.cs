using Node.Dicom.Network.Association;

namespace Node.Dicom.Network.Dimse;

/// <summary>Receives DIMSE messages from <see cref="DimseMessageAssembler"/> as their parts complete.</summary>
internal interface IDimseReceiver
{
    /// <summary>A whole command set arrived; where it announces a data set, its fragments follow.</summary>
    ValueTask OnCommandAsync(PresentationContext context, DimseCommand command, CancellationToken cancellationToken);

    /// <summary>One data set fragment; the bytes are valid only during the call.</summary>
    ValueTask OnDataSetFragmentAsync(ReadOnlyMemory<byte> fragment, bool isLast, CancellationToken cancellationToken);
}
