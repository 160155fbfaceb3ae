using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Association;

/// <summary>The acceptor's one response to an A-ASSOCIATE-RQ: either an -AC with its contexts or an -RJ.</summary>
internal sealed record AssociationDecision
{
    private AssociationDecision(Pdu response, IReadOnlyList<PresentationContext> contexts, string? rejectDetail)
    {
        Response = response;
        Contexts = contexts;
        RejectDetail = rejectDetail;
    }

    /// <summary>The A-ASSOCIATE-AC or -RJ to send.</summary>
    public Pdu Response { get; }

    public bool IsAccepted => Response is AAssociateAc;

    /// <summary>Every proposed context with its result; empty on rejection.</summary>
    public IReadOnlyList<PresentationContext> Contexts { get; }

    /// <summary>Why the request was rejected, for the log; null on acceptance.</summary>
    public string? RejectDetail { get; }

    public static AssociationDecision Accept(AAssociateAc response, IReadOnlyList<PresentationContext> contexts) => new(response, contexts, null);

    public static AssociationDecision Reject(RejectResult result, RejectSource source, byte reason, string detail) =>
        new(new AAssociateRj(result, source, reason), [], detail);
}
