namespace Node.Dicom.Network.Transport;

/// <summary>Sizes and deadlines a connection enforces on its reads and writes.</summary>
/// <param name="MaxPDataLength">Largest P-DATA-TF PDU length accepted: the Maximum Length this side announced.</param>
/// <param name="MaxAssociatePduLength">Largest A-ASSOCIATE-RQ or -AC PDU length accepted.</param>
/// <param name="WriteTimeout">Deadline of one PDU write.</param>
internal sealed record TransportLimits(int MaxPDataLength, int MaxAssociatePduLength, TimeSpan WriteTimeout);
