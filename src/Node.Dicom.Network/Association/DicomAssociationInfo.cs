using System.Net;

namespace Node.Dicom.Network.Association;

/// <summary>Who is on the other end of an association, for handlers and logs.</summary>
/// <param name="AssociationId">A short id unique within this process, also in every log line of the association.</param>
/// <param name="CallingAeTitle">The requestor's AE title, spaces trimmed.</param>
/// <param name="CalledAeTitle">The AE title the requestor addressed, spaces trimmed.</param>
/// <param name="RemoteEndPoint">The peer's address and port.</param>
public sealed record DicomAssociationInfo(string AssociationId, string CallingAeTitle, string CalledAeTitle, EndPoint? RemoteEndPoint);
