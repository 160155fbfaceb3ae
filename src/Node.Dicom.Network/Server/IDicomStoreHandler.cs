namespace Node.Dicom.Network.Server;

/// <summary>Receives the instances of C-STORE requests; the product's implementation writes them to disk and queues them.</summary>
public interface IDicomStoreHandler
{
    /// <summary>
    /// Stores one instance. <paramref name="dataSet"/> yields the data set bytes exactly as
    /// received, in <see cref="DicomStoreRequest.TransferSyntax"/>, without preamble or File Meta
    /// Information; they arrive while the peer still sends, so the stream may wait for data. The
    /// handler need not read to the end. The returned status goes back in the C-STORE-RSP once
    /// the whole data set has arrived.
    /// </summary>
    /// <param name="request">The command's identity and the association it came on.</param>
    /// <param name="dataSet">The data set; reading throws <see cref="Errors.DicomNetworkException"/> where the association aborts midway.</param>
    /// <param name="cancellationToken">Cancelled when the association aborts or the server stops.</param>
    ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken);
}
