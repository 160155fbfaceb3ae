using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.StateMachine;
using Node.Dicom.Network.Transport;
using Node.Dicom.Tags;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Client;

/// <summary>
/// An association this node requested: sends C-ECHO and C-STORE requests and waits for their
/// responses, then releases or aborts. Requests may overlap a release (a response that arrives
/// after our A-RELEASE-RQ still completes its request).
/// </summary>
/// <remarks>
/// A read loop task owns the receiving side: it turns PDUs into indications and completes the
/// waiting requests. Callers send from their own tasks; the state machine serialises the sends.
/// </remarks>
public sealed class DicomClientAssociation : IAsyncDisposable, IDimseReceiver
{
    private readonly DicomClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly UpperLayerConnection _connection;

    /// <summary>Requests waiting for their response, by message ID.</summary>
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<DimseCommand>> _pending = new();

    /// <summary>Completes with the A-ASSOCIATE-AC, or fails with the reject or abort.</summary>
    private readonly TaskCompletionSource<AAssociateAc> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the release (or the connection) ends.</summary>
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stops the read loop on dispose.</summary>
    private readonly CancellationTokenSource _closing = new();

    /// <summary>The first reason the association ended abnormally; pending requests fail with it.</summary>
    private Exception? _failure;

    private DimseMessageSender? _sender;
    private DimseMessageAssembler? _assembler;
    private Task _readLoop = Task.CompletedTask;
    private int _nextMessageId;

    private DicomClientAssociation(DicomClientOptions options, ILogger logger, TimeProvider timeProvider)
    {
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var transport = new StreamTransport(socket, token => ConnectAsync(socket, token), options.TransportLimits, timeProvider, logger);
        var machine = new UpperLayerStateMachine(transport, options.ArtimTimeout, timeProvider, logger);
        _connection = new UpperLayerConnection(transport, machine, logger);
    }

    /// <summary>Every proposed context with the result the peer returned.</summary>
    public IReadOnlyList<PresentationContext> PresentationContexts { get; private set; } = [];

    /// <summary>The peer's Maximum Length: the largest P-DATA-TF PDU length it accepts, 0 for no limit.</summary>
    public uint PeerMaxPduLength { get; private set; }

    /// <summary>Current Upper Layer state, for diagnostics and tests.</summary>
    public UpperLayerState State => _connection.Machine.State;

    internal static async Task<DicomClientAssociation> OpenAsync(DicomClientOptions options, IReadOnlyList<DicomPresentationContextProposal> proposals, ILogger logger, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (proposals.Count == 0)
        {
            throw new DicomNegotiationException("The association would propose no presentation context; there is nothing to negotiate.");
        }

        if (proposals.Count > MaxContexts)
        {
            throw new ArgumentException($"At most {MaxContexts} presentation contexts fit one association; {proposals.Count} were given.", nameof(proposals));
        }

        var association = new DicomClientAssociation(options, logger, timeProvider);
        try
        {
            await association.RequestAsync(proposals, cancellationToken).ConfigureAwait(false);
            return association;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Presentation context IDs are odd numbers from 1 to 255.</summary>
    public const int MaxContexts = 128;

    /// <summary>Sends C-ECHO on the Verification context and returns the response status.</summary>
    /// <exception cref="DicomNegotiationException">The peer did not accept the Verification SOP class.</exception>
    public async Task<ushort> EchoAsync(CancellationToken cancellationToken = default)
    {
        var context = PresentationContexts.FirstOrDefault(candidate => candidate.IsAccepted && candidate.AbstractSyntax == DicomUids.Verification)
            ?? throw new DicomNegotiationException("The peer did not accept the Verification SOP class.");
        var messageId = NextMessageId();
        var command = DimseCommand.CreateEchoRequest(messageId);
        var response = await RequestAsync(context, command, (sender, token) => sender.SendAsync(context.Id, command, null, token), "C-ECHO", cancellationToken).ConfigureAwait(false);
        return response.Status ?? DimseStatus.ProcessingFailure;
    }

    /// <summary>
    /// Sends one instance on a context accepted for its SOP class: one in the file's own transfer
    /// syntax, or for an uncompressed file one in Explicit or Implicit VR Little Endian, converted.
    /// The data set is encoded anew, which keeps every value but may change lengths (an
    /// undefined-length sequence gets a defined one, for example). An instance with no usable
    /// context is reported and not sent.
    /// </summary>
    /// <param name="file">The instance.</param>
    /// <param name="path">The file it came from, for the outcome; may be null.</param>
    /// <param name="cancellationToken">Cancels the wait; the association is then in an unknown state and should be aborted.</param>
    /// <exception cref="DicomNetworkException">The association failed while sending or waiting.</exception>
    public Task<DicomStoreOutcome> StoreAsync(DicomFile file, string? path = null, CancellationToken cancellationToken = default) =>
        StoreAsync(file, null, path, cancellationToken);

    /// <summary>
    /// Sends one instance as <see cref="StoreAsync(DicomFile, string?, CancellationToken)"/> does,
    /// but where the context's syntax is the file's, sends <paramref name="encodedDataSet"/>
    /// unchanged, so the peer receives the data set byte for byte as stored in the file.
    /// </summary>
    /// <param name="file">The instance, as read from <paramref name="encodedDataSet"/>'s file.</param>
    /// <param name="encodedDataSet">The file's bytes from <see cref="DicomFile.DatasetOffset"/> to its end, or null to encode anew.</param>
    /// <param name="path">The file it came from, for the outcome; may be null.</param>
    /// <param name="cancellationToken">Cancels the wait; the association is then in an unknown state and should be aborted.</param>
    /// <exception cref="DicomNetworkException">The association failed while sending or waiting.</exception>
    public async Task<DicomStoreOutcome> StoreAsync(DicomFile file, ReadOnlyMemory<byte>? encodedDataSet, string? path = null, CancellationToken cancellationToken = default)
    {
        if (Check(file, path, out var sopClass, out var sopInstance, out var context) is { } notSent)
        {
            return notSent;
        }

        // The file's own bytes where the syntax is unchanged, else the data set encoded in the
        // context's syntax: Explicit and Implicit VR Little Endian, from any uncompressed syntax.
        // A PDV carries an even number of bytes: a deflated bitstream of odd length gets its pad
        // byte, and any other odd-length data set, malformed, is encoded anew.
        var dataSet = encodedDataSet is { } original && context.TransferSyntax == file.TransferSyntax && (original.Length % 2 == 0 || file.TransferSyntax.IsDeflated)
            ? PadToEven(original)
            : Encode(file.Dataset, context.TransferSyntax!);
        var command = DimseCommand.CreateStoreRequest(NextMessageId(), sopClass, sopInstance);
        var response = await RequestAsync(context, command, (sender, token) => sender.SendAsync(context.Id, command, dataSet, token), "C-STORE", cancellationToken).ConfigureAwait(false);
        return Answered(path, sopClass, sopInstance, response);
    }

    /// <summary>
    /// Sends one instance whose data set is read from <paramref name="dataSet"/> as it goes out,
    /// in the file's own syntax, so that memory does not grow with the file. Only a context of
    /// that syntax will do; where none was accepted, the instance is reported and not sent.
    /// </summary>
    /// <param name="header">The file read up to its Pixel Data (<see cref="DicomReadOptions.StopBeforePixelData"/>), for its UIDs and syntax.</param>
    /// <param name="dataSet">The file, positioned at <see cref="DicomFile.DatasetOffset"/>.</param>
    /// <param name="length">Bytes of the data set to send: from that offset to the end of the file; even.</param>
    /// <param name="path">The file, for the outcome.</param>
    /// <param name="cancellationToken">Cancels the wait; the association is then in an unknown state and should be aborted.</param>
    /// <exception cref="DicomNetworkException">The association failed while sending or waiting.</exception>
    /// <exception cref="IOException">The file could not be read to <paramref name="length"/>.</exception>
    public async Task<DicomStoreOutcome> StoreAsync(DicomFile header, Stream dataSet, long length, string? path = null, CancellationToken cancellationToken = default)
    {
        if (Check(header, path, out var sopClass, out var sopInstance, out var context) is { } notSent)
        {
            return notSent;
        }

        if (context.TransferSyntax != header.TransferSyntax)
        {
            return NotSent(path, sopClass, sopInstance, $"the peer did not accept {header.TransferSyntax.Uid} for {sopClass}, and a file this large is sent only in its own syntax");
        }

        var command = DimseCommand.CreateStoreRequest(NextMessageId(), sopClass, sopInstance);
        DimseCommand response;
        try
        {
            response = await RequestAsync(context, command, (sender, token) => sender.SendAsync(context.Id, command, dataSet, length, token), "C-STORE", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // Part of the data set was sent and the rest cannot be read. The peer would read the
            // next message as its continuation, so the association is aborted.
            await AbortAsync().ConfigureAwait(false);
            throw new DicomConnectionException($"Reading {path} failed while it was being sent, so the association was aborted: {exception.Message}", exception);
        }

        return Answered(path, sopClass, sopInstance, response);
    }

    /// <summary>Returns whether an instance of <paramref name="sopClass"/> in <paramref name="syntax"/> would be sent in that syntax, unconverted.</summary>
    public bool SendsUnchanged(string sopClass, DicomTransferSyntax syntax) => ChooseContext(sopClass, syntax)?.TransferSyntax == syntax;

    /// <summary>Releases the association and waits for A-RELEASE-RP (or the peer's release in a collision).</summary>
    /// <exception cref="DicomNetworkTimeoutException">No A-RELEASE-RP within the association timeout; the connection is then aborted.</exception>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_connection.Machine.State != UpperLayerState.Sta6)
        {
            return;
        }

        await _connection.Machine.HandleAsync(UpperLayerEvent.Evt11, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await _ended.Task.WaitAsync(_options.AssociationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw new DicomNetworkTimeoutException("Wait for A-RELEASE-RP", _options.AssociationTimeout);
        }

        Log.Released(_logger, _options.CalledAeTitle);
    }

    /// <summary>Sends A-ABORT (service user) and closes the connection.</summary>
    public async Task AbortAsync()
    {
        var state = _connection.Machine.State;
        if (state is not (UpperLayerState.Sta1 or UpperLayerState.Sta13))
        {
            try
            {
                await _connection.Machine.HandleAsync(UpperLayerEvent.Evt15, new AAbort(AbortSource.ServiceUser, AbortReason.NotSpecified)).ConfigureAwait(false);
            }
            catch (DicomNetworkException)
            {
                // The connection is already gone, which is what an abort wants.
            }
        }

        Fail(new DicomAssociationAbortedException(AbortSource.ServiceUser, AbortReason.NotSpecified, "aborted by this side"));
        _connection.Transport.Close("aborted by this side");
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.Machine.State is not (UpperLayerState.Sta1 or UpperLayerState.Sta13))
        {
            await AbortAsync().ConfigureAwait(false);
        }

        _connection.Transport.Close("disposed");
        await _closing.CancelAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
        _connection.Dispose();
        _closing.Dispose();
    }

    ValueTask IDimseReceiver.OnCommandAsync(PresentationContext context, DimseCommand command, CancellationToken cancellationToken)
    {
        if (command.IsResponse && command.MessageIdBeingRespondedTo is { } id && _pending.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult(command);
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IDimseReceiver.OnDataSetFragmentAsync(ReadOnlyMemory<byte> fragment, bool isLast, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    private async Task RequestAsync(IReadOnlyList<DicomPresentationContextProposal> proposals, CancellationToken cancellationToken)
    {
        var request = BuildRequest(proposals);
        Log.Requesting(_logger, _options.CallingAeTitle, _options.CalledAeTitle, _options.Host, _options.Port, proposals.Count);

        // AE-1 connects and AE-2 sends the request. The read loop then receives the A-ASSOCIATE-AC or -RJ.
        await _connection.Machine.HandleAsync(UpperLayerEvent.Evt1, request, cancellationToken).ConfigureAwait(false);
        await _connection.Machine.HandleAsync(UpperLayerEvent.Evt2, cancellationToken: cancellationToken).ConfigureAwait(false);
        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);

        AAssociateAc accepted;
        try
        {
            accepted = await _accepted.Task.WaitAsync(_options.AssociationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new DicomNetworkTimeoutException("Wait for A-ASSOCIATE-AC", _options.AssociationTimeout);
        }

        Accept(request, accepted);
    }

    private AAssociateRq BuildRequest(IReadOnlyList<DicomPresentationContextProposal> proposals) => new()
    {
        CalledAeTitle = _options.CalledAeTitle.Trim(' '),
        CallingAeTitle = _options.CallingAeTitle.Trim(' '),
        PresentationContexts = [.. proposals.Select((proposal, index) => new PresentationContextRequestItem
        {
            Id = (byte)((2 * index) + 1),
            AbstractSyntax = proposal.AbstractSyntax,
            TransferSyntaxes = [.. proposal.TransferSyntaxes.Select(syntax => syntax.Uid)],
        })],
        UserInformation = new UserInformationItem
        {
            MaxPduLength = (uint)_options.MaxPduLength,
            ImplementationClassUid = DicomImplementation.ClassUid,
            ImplementationVersionName = DicomImplementation.VersionName,
        },
    };

    /// <summary>Matches each result to its proposal. A context missing from the A-ASSOCIATE-AC counts as rejected.</summary>
    private void Accept(AAssociateRq request, AAssociateAc accepted)
    {
        var answers = accepted.PresentationContexts.GroupBy(item => item.Id).ToDictionary(group => group.Key, group => group.First());
        PresentationContexts = [.. request.PresentationContexts.Select(proposal =>
        {
            var answer = answers.GetValueOrDefault(proposal.Id);
            var result = answer?.Result ?? PresentationContextResult.NoReason;
            var syntax = result == PresentationContextResult.Acceptance ? DicomTransferSyntax.Find(answer!.TransferSyntax) : null;
            var offered = syntax is not null && proposal.TransferSyntaxes.Contains(syntax.Uid);
            return new PresentationContext(proposal.Id, proposal.AbstractSyntax!, offered ? result : PresentationContextResult.NoReason, offered ? syntax : null);
        })];
        PeerMaxPduLength = accepted.UserInformation.MaxPduLength ?? 0;
        _sender = new DimseMessageSender((pdu, token) => SendPDataAsync(pdu, token), PeerMaxPduLength);
        _assembler = new DimseMessageAssembler(PresentationContexts.Where(context => context.IsAccepted).ToDictionary(context => context.Id));
        Log.Established(_logger, _options.CalledAeTitle, _options.Host, _options.Port, PresentationContexts.Count(context => context.IsAccepted), PresentationContexts.Count, PeerMaxPduLength);
    }

    /// <summary>Finds the instance's UIDs and the context to send it on; returns the not-sent outcome where there is none.</summary>
    private DicomStoreOutcome? Check(DicomFile file, string? path, out string sopClass, out string sopInstance, out PresentationContext context)
    {
        sopClass = file.Dataset.GetUid(DicomTags.SOPClassUID) ?? file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPClassUID) ?? string.Empty;
        sopInstance = file.Dataset.GetUid(DicomTags.SOPInstanceUID) ?? file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID) ?? string.Empty;
        context = null!;
        if (sopClass.Length == 0 || sopInstance.Length == 0)
        {
            return NotSent(path, NullIfEmpty(sopClass), NullIfEmpty(sopInstance), "the instance has no SOP Class UID or SOP Instance UID");
        }

        // A C-STORE-RQ carries both UIDs in UI elements, checked by PS3.5 9.1, so one that is not a
        // UID (a path such as "../../x", a leading zero in a component) cannot be sent. The next file still can.
        if ((DicomUid.Validate(sopClass) ?? DicomUid.Validate(sopInstance)) is { } fault)
        {
            var invalidUid = DicomUid.IsValid(sopClass) ? $"SOP Instance UID '{sopInstance}'" : $"SOP Class UID '{sopClass}'";
            return NotSent(path, sopClass, sopInstance, $"{invalidUid} is not a valid UID ({fault.TrimEnd('.')}); correct the file");
        }

        var proposedClass = sopClass;
        if (!PresentationContexts.Any(candidate => candidate.AbstractSyntax == proposedClass))
        {
            return NotSent(path, sopClass, sopInstance, $"no presentation context was proposed for {sopClass}: an association holds at most {MaxContexts}, and the files need more; send them in several runs");
        }

        var chosen = ChooseContext(sopClass, file.TransferSyntax);
        if (chosen is null)
        {
            return NotSent(path, sopClass, sopInstance, $"no presentation context was accepted for {sopClass} in {file.TransferSyntax.Uid} or an uncompressed syntax it converts to");
        }

        context = chosen;
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private DicomStoreOutcome Answered(string? path, string sopClass, string sopInstance, DimseCommand response)
    {
        var status = response.Status ?? DimseStatus.ProcessingFailure;
        Log.StoreAnswered(_logger, sopInstance, _options.CalledAeTitle, DimseStatus.Describe(status));
        return new DicomStoreOutcome(path, sopClass, sopInstance, status, response.ErrorComment);
    }

    /// <summary>Returns the bytes as they are where their length is even, else a copy with one zero byte added.</summary>
    private static ReadOnlyMemory<byte> PadToEven(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length % 2 == 0)
        {
            return bytes;
        }

        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded);
        return padded;
    }

    private static ReadOnlyMemory<byte> Encode(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        using var encoded = new MemoryStream();
        DicomFile.WriteDataset(encoded, dataset, syntax);
        return encoded.GetBuffer().AsMemory(0, (int)encoded.Length);
    }

    private PresentationContext? ChooseContext(string sopClass, DicomTransferSyntax fileSyntax)
    {
        var accepted = PresentationContexts.Where(context => context.IsAccepted && context.AbstractSyntax == sopClass).ToList();
        var exact = accepted.FirstOrDefault(context => context.TransferSyntax == fileSyntax && !fileSyntax.IsBigEndian);
        if (exact is not null || fileSyntax.IsEncapsulated)
        {
            return exact;
        }

        return accepted.FirstOrDefault(context => context.TransferSyntax == DicomTransferSyntax.ExplicitVRLittleEndian)
            ?? accepted.FirstOrDefault(context => context.TransferSyntax == DicomTransferSyntax.ImplicitVRLittleEndian);
    }

    private async Task<DimseCommand> RequestAsync(PresentationContext context, DimseCommand command, Func<DimseMessageSender, CancellationToken, ValueTask> send, string operation, CancellationToken cancellationToken)
    {
        var messageId = command.MessageId!.Value;
        var waiter = new TaskCompletionSource<DimseCommand>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[messageId] = waiter;
        if (_failure is { } failure)
        {
            _pending.TryRemove(messageId, out _);
            throw failure;
        }

        try
        {
            await send(_sender!, cancellationToken).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(_options.DimseTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new DicomNetworkTimeoutException($"Wait for the {operation} response", _options.DimseTimeout);
        }
        finally
        {
            _pending.TryRemove(messageId, out _);
        }
    }

    private async ValueTask SendPDataAsync(PDataTf pdu, CancellationToken cancellationToken) =>
        await _connection.Machine.HandleAsync(UpperLayerEvent.Evt9, pdu, cancellationToken).ConfigureAwait(false);

    /// <summary>Receives until the connection ends, completes waiting requests and responds to the peer's release.</summary>
    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _connection.ReceiveAsync(null, _closing.Token).ConfigureAwait(false) is { } indication)
            {
                await OnIndicationAsync(indication).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or DicomNetworkException)
        {
            Fail(exception is DicomNetworkException ? exception : new DicomConnectionException("The association was closed."));
        }
        finally
        {
            Fail(new DicomConnectionException("The connection closed."));
            _ended.TrySetResult();
        }
    }

    private async Task OnIndicationAsync(UpperLayerIndication indication)
    {
        switch (indication.Kind)
        {
            case UpperLayerIndicationKind.AssociateAccepted:
                _accepted.TrySetResult((AAssociateAc)indication.Pdu!);
                break;
            case UpperLayerIndicationKind.AssociateRejected when indication.Pdu is AAssociateRj reject:
                Fail(new DicomAssociationRejectedException(reject.Result, reject.Source, reject.Reason));
                break;
            case UpperLayerIndicationKind.PData:
                await DeliverAsync((PDataTf)indication.Pdu!).ConfigureAwait(false);
                break;
            case UpperLayerIndicationKind.ReleaseRequest:
                // The peer released, or both sides did at once (Sta9), so respond with A-RELEASE-RP.
                Log.PeerRequestedRelease(_logger);
                await _connection.Machine.HandleAsync(UpperLayerEvent.Evt14).ConfigureAwait(false);
                break;
            case UpperLayerIndicationKind.ReleaseConfirmed:
                _ended.TrySetResult();
                break;
            case UpperLayerIndicationKind.Aborted when indication.Pdu is AAbort abort:
                Fail(new DicomAssociationAbortedException(abort.Source, abort.Reason, "aborted by the peer"));
                break;
            case UpperLayerIndicationKind.ProviderAborted:
                Fail(new DicomAssociationAbortedException(AbortSource.ServiceProvider, (indication.Pdu as AAbort)?.Reason ?? AbortReason.NotSpecified, "the connection failed"));
                break;
        }
    }

    private async Task DeliverAsync(PDataTf pdu)
    {
        if (_assembler is null)
        {
            return;
        }

        try
        {
            await _assembler.FeedAsync(pdu, this, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DicomProtocolException exception)
        {
            Fail(exception);
            await _connection.AbortOnProtocolFaultAsync(exception, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Records the first failure and fails every waiting request with it.</summary>
    private void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _failure, failure, null);
        _accepted.TrySetException(_failure!);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(_failure!);
            }
        }
    }

    private async ValueTask<Stream> ConnectAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, linked.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (_options.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(DicomTls.ClientOptions(tls, _options.Host), linked.Token).ConfigureAwait(false);
                Log.TlsEstablished(_logger, ssl.SslProtocol.ToString(), ssl.NegotiatedCipherSuite.ToString());
                stream = ssl;
            }

            return stream;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DicomNetworkTimeoutException($"Connect to {_options.Host}:{_options.Port}", _options.ConnectTimeout);
        }
        catch (Exception exception) when (exception is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            throw new DicomConnectionException($"Connecting to {_options.Host}:{_options.Port} failed: {exception.Message}", exception);
        }
    }

    private ushort NextMessageId() => (ushort)Interlocked.Increment(ref _nextMessageId);

    private DicomStoreOutcome NotSent(string? path, string? sopClass, string? sopInstance, string reason)
    {
        Log.NotSent(_logger, path ?? sopInstance, reason);
        return new DicomStoreOutcome(path, sopClass, sopInstance, null, reason);
    }
}
