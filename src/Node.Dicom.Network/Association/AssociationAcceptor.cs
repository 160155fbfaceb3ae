using System.Net;
using Node.Dicom.IO;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Association;

/// <summary>
/// Decides how the server responds to an A-ASSOCIATE-RQ: each check in turn may reject, and only a
/// request that passes them all is accepted, with a result for every proposed context.
/// </summary>
internal sealed class AssociationAcceptor
{
    /// <summary>The server's settings; read only.</summary>
    private readonly DicomServerOptions _options;

    public AssociationAcceptor(DicomServerOptions options)
    {
        _options = options;
    }

    /// <param name="request">The request received.</param>
    /// <param name="remoteAddress">The peer's address, for the allow-list.</param>
    /// <param name="overLimit">Whether accepting would exceed the configured number of associations.</param>
    public AssociationDecision Decide(AAssociateRq request, IPAddress? remoteAddress, bool overLimit)
    {
        if (overLimit)
        {
            return AssociationDecision.Reject(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReasons.LocalLimitExceeded, $"{_options.MaxAssociations} associations are already open");
        }

        if (request.ApplicationContextName != PduLayout.DicomApplicationContextName)
        {
            return UserReject(RejectReasons.ApplicationContextNameNotSupported, $"application context '{request.ApplicationContextName}' is not the DICOM one");
        }

        if (!PduText.IsValidAeTitle(request.CalledAeTitle) || (_options.CheckCalledAeTitle && request.CalledAeTitle != _options.AeTitle.Trim(' ')))
        {
            return UserReject(RejectReasons.CalledAeTitleNotRecognized, $"called AE title '{request.CalledAeTitle}' is not '{_options.AeTitle}'");
        }

        if (!PduText.IsValidAeTitle(request.CallingAeTitle) || !IsAllowed(request.CallingAeTitle, remoteAddress))
        {
            return UserReject(RejectReasons.CallingAeTitleNotRecognized, $"calling AE title '{request.CallingAeTitle}' from {remoteAddress} is not allowed");
        }

        if (request.PresentationContexts.Count == 0)
        {
            return UserReject(RejectReasons.UserNoReasonGiven, "the request proposes no presentation context");
        }

        return Accept(request);
    }

    private AssociationDecision Accept(AAssociateRq request)
    {
        var contexts = request.PresentationContexts.Select(Negotiate).ToList();
        var response = new AAssociateAc
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = [.. contexts.Select(context => new PresentationContextResponseItem
            {
                Id = context.Id,
                Result = context.Result,
                TransferSyntax = context.TransferSyntax?.Uid,
            })],
            UserInformation = AnswerUserInformation(request.UserInformation),
        };
        return AssociationDecision.Accept(response, contexts);
    }

    /// <summary>Picks this side's most preferred transfer syntax among those proposed for a supported abstract syntax.</summary>
    private PresentationContext Negotiate(PresentationContextRequestItem proposal)
    {
        var abstractSyntax = proposal.AbstractSyntax ?? string.Empty;
        var acceptable = AcceptableTransferSyntaxes(abstractSyntax);
        if (acceptable is null || !PduText.IsValidUid(abstractSyntax))
        {
            return new PresentationContext(proposal.Id, abstractSyntax, PresentationContextResult.AbstractSyntaxNotSupported, null);
        }

        var chosen = acceptable.FirstOrDefault(syntax => proposal.TransferSyntaxes.Contains(syntax.Uid, StringComparer.Ordinal));
        return chosen is null
            ? new PresentationContext(proposal.Id, abstractSyntax, PresentationContextResult.TransferSyntaxesNotSupported, null)
            : new PresentationContext(proposal.Id, abstractSyntax, PresentationContextResult.Acceptance, chosen);
    }

    private IReadOnlyList<DicomTransferSyntax>? AcceptableTransferSyntaxes(string abstractSyntax)
    {
        if (abstractSyntax == DicomUids.Verification)
        {
            return _options.AcceptVerification ? _options.TransferSyntaxes : null;
        }

        if (_options.StorageSopClasses.Contains(abstractSyntax))
        {
            return [.. _options.TransferSyntaxes, .. _options.StorageOnlyTransferSyntaxes];
        }

        return null;
    }

    /// <summary>
    /// Builds the user information of the response: role selection only for the items received (the requestor
    /// may be SCU, this side is never SCP of its own choosing), the asynchronous operations window
    /// as 1/1, and a user identity response only when one was requested.
    /// </summary>
    private UserInformationItem AnswerUserInformation(UserInformationItem request) => new()
    {
        MaxPduLength = (uint)_options.MaxPduLength,
        ImplementationClassUid = DicomImplementation.ClassUid,
        ImplementationVersionName = DicomImplementation.VersionName,
        AsynchronousOperationsWindow = request.AsynchronousOperationsWindow is null ? null : new AsynchronousOperationsWindowItem(1, 1),
        RoleSelections = [.. request.RoleSelections.Select(role => new RoleSelectionItem(role.SopClassUid, role.ScuRole, ScpRole: false))],
        UserIdentityResponse = request.UserIdentityRequest is { PositiveResponseRequested: true } ? new UserIdentityResponseItem(ReadOnlyMemory<byte>.Empty) : null,
    };

    private bool IsAllowed(string callingAeTitle, IPAddress? remoteAddress) =>
        _options.AllowedPeers is null || _options.AllowedPeers.Any(peer => peer.Matches(callingAeTitle, remoteAddress));

    private static AssociationDecision UserReject(byte reason, string detail) =>
        AssociationDecision.Reject(RejectResult.Permanent, RejectSource.ServiceUser, reason, detail);
}
