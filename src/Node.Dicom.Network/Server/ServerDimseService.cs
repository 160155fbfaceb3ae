using Node.Dicom.Uids;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Node.Dicom.Errors;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Server;

/// <summary>
/// The DIMSE provider of one accepted association: responds to C-ECHO, hands each C-STORE data set
/// to the handler and responds with its status, and responds to every other command with 0211.
/// Messages are served one at a time, as the default asynchronous operations window 1/1 asks.
/// </summary>
/// <remarks>
/// The read loop calls <see cref="OnCommandAsync"/> and <see cref="OnDataSetFragmentAsync"/>.
/// An <see cref="IDicomInlineStoreHandler"/> gets each fragment there, on the read loop, and the
/// response leaves from there after the last one. Any other handler reads a stream on a pool
/// thread of its own and sends its response from there once the data set is complete. The next
/// command waits for that response, so responses leave in request order and the release response
/// is sent only after them.
/// </remarks>
internal sealed class ServerDimseService : IDimseReceiver
{
    /// <summary>Who called, for the handler.</summary>
    private readonly DicomAssociationInfo _association;

    /// <summary>The product's store handler.</summary>
    private readonly IDicomStoreHandler _handler;

    /// <summary>Sends responses through the state machine.</summary>
    private readonly DimseMessageSender _sender;

    private readonly ILogger _logger;

    /// <summary>Cancelled when the association aborts; passed to handlers.</summary>
    private readonly CancellationTokenSource _aborted = new();

    /// <summary>The message being served, or null between messages.</summary>
    private Operation? _current;

    /// <summary>The operation last logged as dropped, so an abort seen twice logs it once.</summary>
    private Operation? _dropLogged;

    public ServerDimseService(DicomAssociationInfo association, IDicomStoreHandler handler, DimseMessageSender sender, ILogger logger)
    {
        _association = association;
        _handler = handler;
        _sender = sender;
        _logger = logger;
    }

    /// <summary>True while a message is being served; the idle timeout does not run then.</summary>
    public bool IsBusy => _current is { Completion.IsCompleted: false };

    public async ValueTask OnCommandAsync(PresentationContext context, DimseCommand command, CancellationToken cancellationToken)
    {
        // One message at a time: the previous response goes out first.
        await WaitIdleAsync().ConfigureAwait(false);
        Log.CommandReceived(_logger, command.ToString(), context.Id);

        // Decide the status of every command except a valid C-STORE here, once.
        var (status, reason) = Check(context, command);
        if (status is null)
        {
            _current = _handler is IDicomInlineStoreHandler inline ? BeginInlineStore(inline, context, command) : StartStore(context, command);
            return;
        }

        if (reason is not null)
        {
            Log.CommandRefused(_logger, command.ToString(), command.AffectedSopInstanceUid, DimseStatus.Describe(status.Value), reason);
        }

        var respond = new DeferredResponse(this, context, command, status.Value, reason);
        _current = respond;
        if (!command.HasDataSet)
        {
            await respond.SendAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask OnDataSetFragmentAsync(ReadOnlyMemory<byte> fragment, bool isLast, CancellationToken cancellationToken)
    {
        switch (_current)
        {
            case InlineStoreOperation inline:
                inline.Write(fragment.Span, _logger);
                if (isLast)
                {
                    await FinishInlineStoreAsync(inline).ConfigureAwait(false);
                }

                break;
            case StoreOperation store:
                await store.Pipe.WriteFragmentAsync(fragment, cancellationToken).ConfigureAwait(false);
                if (isLast)
                {
                    store.Pipe.Complete();
                    store.DataSetComplete.TrySetResult();
                }

                break;
            case DeferredResponse respond when isLast:
                await respond.SendAsync().ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Waits until the response to the message in progress is sent. Call it before responding to a release.</summary>
    public async Task WaitIdleAsync()
    {
        if (_current is { } current)
        {
            await current.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>Ends a data set cut short by a release request, then waits for the response.</summary>
    public Task OnReleaseRequestedAsync()
    {
        DropIncompleteStore("the peer requested release");
        if (_current is StoreOperation { DataSetComplete.Task.IsCompleted: false } store)
        {
            store.Fail(new DicomConnectionException("The peer requested release before the data set was complete."));
        }

        if (_current is InlineStoreOperation inline)
        {
            inline.End();
        }

        return WaitIdleAsync();
    }

    /// <summary>Stops a running handler: its stream fails and its token is cancelled.</summary>
    public void OnAborted()
    {
        DropIncompleteStore("the association ended");
        if (_current is StoreOperation store)
        {
            store.Fail(new DicomAssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, "the association ended before the data set was complete"));
        }

        if (_current is InlineStoreOperation inline)
        {
            inline.End();
        }

        _aborted.Cancel();
    }

    /// <summary>Logs the C-STORE in progress, where its data set has not all arrived, as dropped.</summary>
    private void DropIncompleteStore(string reason)
    {
        var incomplete = _current switch
        {
            StoreOperation store when !store.DataSetComplete.Task.IsCompleted => store.Command.AffectedSopInstanceUid,
            InlineStoreOperation inline when !inline.DataSetComplete => inline.Request.SopInstanceUid,
            _ => null,
        };
        if (incomplete is not null && !ReferenceEquals(_current, _dropLogged))
        {
            Log.StoreDropped(_logger, incomplete, reason);
            _dropLogged = _current;
        }
    }

    /// <summary>Returns the failure status for a command this service will not hand on, or null for a valid C-STORE.</summary>
    private static (ushort? Status, string? Reason) Check(PresentationContext context, DimseCommand command)
    {
        switch (command.CommandField)
        {
            case CommandField.CEchoRq when context.AbstractSyntax == DicomUids.Verification:
                return (DimseStatus.Success, null);
            case CommandField.CEchoRq:
                return (DimseStatus.SopClassNotSupported, $"C-ECHO on context {context.Id}, which is for {context.AbstractSyntax}, not Verification");
            case CommandField.CStoreRq:
                break;
            default:
                return (DimseStatus.UnrecognizedOperation, $"{CommandField.Describe(command.CommandField)} is not served");
        }

        if (command.AffectedSopClassUid != context.AbstractSyntax)
        {
            return (DimseStatus.SopClassNotSupported, $"the command names SOP class {command.AffectedSopClassUid} on a context for {context.AbstractSyntax}");
        }

        // PS3.5 9.1 in full, leading zeros included: the UID goes into a Part 10 header, whose writer checks it so.
        var instance = command.AffectedSopInstanceUid;
        var fault = instance is null ? "it is missing" : DicomUid.Validate(instance)?.TrimEnd('.');
        if (fault is not null)
        {
            return (DimseStatus.InvalidSopInstance, $"SOP Instance UID '{instance}' is not a valid UID: {fault}");
        }

        if (!command.HasDataSet)
        {
            return (DimseStatus.CannotUnderstand, "the C-STORE-RQ announces no data set");
        }

        return (null, null);
    }

    private StoreOperation StartStore(PresentationContext context, DimseCommand command)
    {
        var request = CreateRequest(context, command);
        var store = new StoreOperation(context, command);
        store.Completion = Task.Run(() => RunStoreAsync(store, request));
        return store;
    }

    /// <summary>Starts a C-STORE whose fragments go to the handler's writer on the read loop.</summary>
    private InlineStoreOperation BeginInlineStore(IDicomInlineStoreHandler handler, PresentationContext context, DimseCommand command)
    {
        var request = CreateRequest(context, command);
        var operation = new InlineStoreOperation(context, command, request);
        try
        {
            operation.Writer = handler.Begin(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            operation.Fail(ResultFor(exception), exception, _logger);
        }

        return operation;
    }

    /// <summary>Completes the writer after the last fragment, then sends the response from the read loop.</summary>
    private async Task FinishInlineStoreAsync(InlineStoreOperation operation)
    {
        operation.DataSetComplete = true;
        var request = operation.Request;
        var result = operation.Result;
        if (operation.Writer is { } writer)
        {
            try
            {
                result = await writer.CompleteAsync(_aborted.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (_aborted.IsCancellationRequested && exception is OperationCanceledException)
            {
                operation.End();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                result = ResultFor(exception);
                Log.StoreHandlerFailed(_logger, request.SopInstanceUid, DimseStatus.Describe(result.Status), exception);
            }
            finally
            {
                operation.DisposeWriter();
            }
        }

        Log.InstanceStored(_logger, request.SopInstanceUid, request.SopClassUid, request.TransferSyntax.Uid, DimseStatus.Describe(result.Status), Stopwatch.GetElapsedTime(operation.Started).TotalMilliseconds);
        try
        {
            await SendResponseAsync(operation.Context, operation.Command, result.Status, result.ErrorComment).ConfigureAwait(false);
        }
        finally
        {
            operation.End();
        }
    }

    private DicomStoreRequest CreateRequest(PresentationContext context, DimseCommand command) =>
        new(_association, command.AffectedSopClassUid!, command.AffectedSopInstanceUid!, context.TransferSyntax!, command.MessageId ?? 0, command.Priority);

    private async Task RunStoreAsync(StoreOperation store, DicomStoreRequest request)
    {
        // The handler reads the data set while it still arrives.
        var started = Stopwatch.GetTimestamp();
        DicomStoreResult result;
        try
        {
            result = await _handler.StoreAsync(request, store.Pipe, _aborted.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (_aborted.IsCancellationRequested && exception is OperationCanceledException or DicomNetworkException)
        {
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result = ResultFor(exception);
            Log.StoreHandlerFailed(_logger, request.SopInstanceUid, DimseStatus.Describe(result.Status), exception);
        }
        finally
        {
            store.Pipe.CloseReader();
        }

        // Success and warning may be sent only after the whole data set (PS3.7 9.3.1.2).
        try
        {
            await store.DataSetComplete.Task.WaitAsync(_aborted.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or DicomNetworkException)
        {
            return;
        }

        Log.InstanceStored(_logger, request.SopInstanceUid, request.SopClassUid, request.TransferSyntax.Uid, DimseStatus.Describe(result.Status), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await SendResponseAsync(store.Context, store.Command, result.Status, result.ErrorComment).ConfigureAwait(false);
    }

    /// <summary>Chooses the status for a handler exception: a data set that does not parse is Cxxx, a file system fault A7xx.</summary>
    private static DicomStoreResult ResultFor(Exception exception) => exception switch
    {
        DicomFormatException format => new DicomStoreResult(DimseStatus.CannotUnderstand, format.Message),
        IOException or UnauthorizedAccessException => new DicomStoreResult(DimseStatus.OutOfResources, exception.Message),
        _ => new DicomStoreResult(DimseStatus.ProcessingFailure, exception.Message),
    };

    private async Task SendResponseAsync(PresentationContext context, DimseCommand request, ushort status, string? comment)
    {
        var response = DimseCommand.CreateResponse(request, status, comment);
        try
        {
            await _sender.SendAsync(context.Id, response, null, CancellationToken.None).ConfigureAwait(false);
            Log.ResponseSent(_logger, response.ToString(), DimseStatus.Describe(status));
        }
        catch (DicomNetworkException exception)
        {
            Log.ResponseNotSent(_logger, request.MessageId ?? 0, exception);
        }
    }

    /// <summary>A message being served.</summary>
    private abstract class Operation(PresentationContext context, DimseCommand command)
    {
        public PresentationContext Context { get; } = context;

        public DimseCommand Command { get; } = command;

        /// <summary>Completes once the response is sent or can no longer be.</summary>
        public Task Completion { get; set; } = Task.CompletedTask;
    }

    /// <summary>A C-STORE whose data set flows to the handler.</summary>
    private sealed class StoreOperation(PresentationContext context, DimseCommand command) : Operation(context, command)
    {
        public DataSetPipe Pipe { get; } = new();

        public TaskCompletionSource DataSetComplete { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error)
        {
            Pipe.Complete(error);
            DataSetComplete.TrySetException(error);
        }
    }

    /// <summary>A C-STORE whose fragments go to an inline handler's writer on the read loop.</summary>
    private sealed class InlineStoreOperation : Operation
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public InlineStoreOperation(PresentationContext context, DimseCommand command, DicomStoreRequest request)
            : base(context, command)
        {
            Request = request;
            Completion = _done.Task;
        }

        public DicomStoreRequest Request { get; }

        public long Started { get; } = Stopwatch.GetTimestamp();

        /// <summary>Set once the last fragment has arrived.</summary>
        public bool DataSetComplete { get; set; }

        /// <summary>The handler's writer, or null once disposed or where the handler failed.</summary>
        public IDicomInstanceWriter? Writer { get; set; }

        /// <summary>The status for a handler failure, or success while none occurred.</summary>
        public DicomStoreResult Result { get; private set; } = DicomStoreResult.Success;

        /// <summary>Passes a fragment to the writer. After a failure the fragments are dropped.</summary>
        public void Write(ReadOnlySpan<byte> fragment, ILogger logger)
        {
            if (Writer is not { } writer || fragment.IsEmpty)
            {
                return;
            }

            try
            {
                writer.Write(fragment);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Fail(ResultFor(exception), exception, logger);
            }
        }

        /// <summary>Records the status for a handler failure, logs it and disposes the writer.</summary>
        public void Fail(DicomStoreResult result, Exception exception, ILogger logger)
        {
            Result = result;
            Log.StoreHandlerFailed(logger, Request.SopInstanceUid, DimseStatus.Describe(result.Status), exception);
            DisposeWriter();
        }

        public void DisposeWriter()
        {
            var writer = Writer;
            Writer = null;
            writer?.Dispose();
        }

        /// <summary>Ends the operation, after its response or without one: disposes the writer and lets the next command come.</summary>
        public void End()
        {
            DisposeWriter();
            _done.TrySetResult();
        }
    }

    /// <summary>A message that gets a fixed status, after its data set (if any) has been read and dropped.</summary>
    private sealed class DeferredResponse : Operation
    {
        private readonly ServerDimseService _service;
        private readonly ushort _status;
        private readonly string? _reason;
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DeferredResponse(ServerDimseService service, PresentationContext context, DimseCommand command, ushort status, string? reason)
            : base(context, command)
        {
            _service = service;
            _status = status;
            _reason = reason;
            Completion = _sent.Task;
        }

        public async Task SendAsync()
        {
            await _service.SendResponseAsync(Context, Command, _status, _reason).ConfigureAwait(false);
            _sent.TrySetResult();
        }
    }
}
