using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Errors;
using Node.Host.Configuration;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Node.Host.Delivery;

/// <summary>
/// Sends report files to one destination by C-STORE, through a Polly pipeline of a circuit
/// breaker around a retry strategy.
/// </summary>
/// <remarks>
/// <para>
/// One call of <see cref="SendAsync"/> is one round. Each attempt of the round opens one
/// association and sends every file not yet delivered or rejected. The retry strategy repeats an
/// attempt that failed for a transient reason: a connection refused or lost, a timeout, an
/// abort, a transient association reject (any <see cref="DicomNetworkException"/> whose
/// <see cref="DicomNetworkException.IsTransient"/> is true), or a transient C-STORE status for a
/// file (see <see cref="DeliveryStatuses.IsTransient"/>). Delays grow exponentially from
/// <see cref="DestinationsOptions.RetryBaseDelay"/> with jitter, capped at
/// <see cref="DestinationsOptions.RetryMaxDelay"/>.
/// </para>
/// <para>
/// The circuit breaker counts rounds. It opens after
/// <see cref="DestinationsOptions.CircuitBreakerFailureThreshold"/> failed rounds in a row (a
/// round that works starts the count again) within its sampling window (see <see cref="SamplingDuration"/>),
/// and stays open for <see cref="DestinationsOptions.CircuitBreakerBreakDuration"/>; meanwhile a
/// round returns at once with every file not attempted. The first round after the break is a
/// C-ECHO probe: success closes the circuit and the same call then sends the files, failure opens
/// it for another break. A round fails when it ends with a network fault or a transient status
/// after its retries. A file the destination rejects for good does not fail the round, because the
/// destination works.
/// </para>
/// <para>
/// Calls for one destination are meant to run one at a time. A second call while the probe runs
/// finds the circuit half-open and returns with every file not attempted.
/// </para>
/// </remarks>
public sealed class DestinationSender
{
    /// <summary>Job id of the round, for the retry log line.</summary>
    private static readonly ResiliencePropertyKey<long> JobIdKey = new("ainode.job-id");

    private readonly DestinationOptions _destination;
    private readonly DestinationsOptions _settings;
    private readonly DicomClient _client;
    private readonly ILogger _logger;

    /// <summary>Reads the circuit's state; the pipeline owns it.</summary>
    private readonly CircuitBreakerStateProvider _circuit = new();

    /// <summary>Resets the breaker's count of failed rounds after each round that worked (see <see cref="RunRoundAsync"/>).</summary>
    private readonly CircuitBreakerManualControl _circuitControl = new();

    private readonly ResiliencePipeline _pipeline;

    /// <param name="destination">The peer; its name must be unique among destinations.</param>
    /// <param name="settings">Retry and circuit breaker settings shared by every destination.</param>
    /// <param name="loggerFactory">Logs of the sender and its DICOM client.</param>
    /// <param name="timeProvider">Clock of the retry delays, the circuit's break and the DICOM client's timeouts.</param>
    /// <exception cref="ArgumentException">A setting is outside the range the pipeline accepts; the message names it.</exception>
    /// <exception cref="Tls.TlsFileException">A TLS file of the destination is missing or does not load.</exception>
    public DestinationSender(DestinationOptions destination, DestinationsOptions settings, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        _destination = destination;
        _settings = settings;
        _logger = loggerFactory.CreateLogger<DestinationSender>();
        var clientOptions = new DicomClientOptions
        {
            Host = destination.Host,
            Port = destination.Port,
            CalledAeTitle = destination.CalledAeTitle,
            CallingAeTitle = destination.CallingAeTitle,
            Tls = destination.Tls.ToClientOptions($"{DestinationsOptions.SectionName}:{destination.Name}:{nameof(DestinationOptions.Tls)}"),
        };
        _client = new DicomClient(clientOptions, loggerFactory, timeProvider);
        _pipeline = BuildPipeline(timeProvider);
    }

    /// <summary>The destination's name from the settings.</summary>
    public string Name => _destination.Name;

    /// <summary>The circuit's state: Closed while rounds run, Open during a break, HalfOpen while the probe runs.</summary>
    public CircuitState CircuitState => _circuit.CircuitState;

    /// <summary>
    /// Maximum span over which the circuit breaker counts failed rounds:
    /// <see cref="DestinationsOptions.CircuitBreakerFailureThreshold"/> times the estimated
    /// longest failing round, within the 0.5 s to 1 day that Polly accepts. A round that waits
    /// out DIMSE timeouts can last longer than the estimate; more failed rounds then pass before
    /// the circuit opens.
    /// </summary>
    public TimeSpan SamplingDuration
    {
        get
        {
            var attempt = DicomClientOptions.DefaultConnectTimeout + DicomClientOptions.DefaultAssociationTimeout;
            var round = _settings.PollInterval + attempt + (_settings.MaxRetryAttempts * (_settings.RetryMaxDelay + attempt));
            var window = _settings.CircuitBreakerFailureThreshold * round;
            return TimeSpan.FromTicks(Math.Clamp(window.Ticks, MinPollyDuration.Ticks, MaxPollyDuration.Ticks));
        }
    }

    /// <summary>Minimum sampling and break duration that Polly's circuit breaker accepts (Polly.Core 8.9).</summary>
    private static readonly TimeSpan MinPollyDuration = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retry delay, sampling and break duration that Polly accepts (Polly.Core 8.9).</summary>
    private static readonly TimeSpan MaxPollyDuration = TimeSpan.FromDays(1);

    /// <summary>Maximum of <see cref="DestinationsOptions.MaxRetryAttempts"/>, as its documentation states.</summary>
    private const int MaxRetryAttemptsLimit = 100;

    /// <summary>Minimum of <see cref="DestinationsOptions.CircuitBreakerFailureThreshold"/>, because Polly's breaker needs a minimum throughput of 2 or more.</summary>
    private const int MinFailureThreshold = 2;

    /// <summary>
    /// Sends the files over one association per attempt and returns one result per file, in the
    /// given order. A network fault, a failure status or an unreadable file becomes a result, not an exception.
    /// </summary>
    /// <param name="jobId">The job the files belong to, for the logs.</param>
    /// <param name="files">Each file's SOP Instance UID and its path.</param>
    /// <param name="cancellationToken">Cancels the round; the files' fate is then unknown.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<FileDeliveryResult>> SendAsync(long jobId, IReadOnlyList<(string SopInstanceUid, string Path)> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var round = DeliveryRound.Open(files);
        if (round.PendingCount > 0)
        {
            await RunRoundAsync(jobId, round, cancellationToken).ConfigureAwait(false);
        }

        return round.Results();
    }

    private async Task RunRoundAsync(long jobId, DeliveryRound round, CancellationToken cancellationToken)
    {
        try
        {
            // Where this execution is the half-open probe, a second one sends the files.
            var probed = await ExecuteAsync(jobId, round, cancellationToken).ConfigureAwait(false);
            if (probed)
            {
                await ExecuteAsync(jobId, round, cancellationToken).ConfigureAwait(false);
            }

            // Polly's breaker opens on a ratio of failures within its sampling window, so one
            // round that worked minutes ago would keep it closed however many failed after it.
            // Closing a closed circuit only clears that count, so failed rounds in a row open it.
            if (_circuit.CircuitState == CircuitState.Closed)
            {
                await _circuitControl.CloseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BrokenCircuitException exception)
        {
            DeliveryLog.CircuitOpenSkipped(_logger, Name, jobId, round.PendingCount);
            round.MarkNotAttempted($"not attempted: the circuit to destination '{Name}' is open after failed rounds ({exception.Message})");
        }
        catch (DestinationProbeFailedException exception)
        {
            round.MarkNotAttempted($"not attempted: {exception.Message}");
        }
        catch (DicomNetworkException exception)
        {
            DeliveryLog.RoundFailed(_logger, Name, jobId, round.PendingCount, exception.Message);
        }
    }

    /// <summary>Runs one execution of the pipeline, carrying the job id to the retry log line.</summary>
    private async ValueTask<bool> ExecuteAsync(long jobId, DeliveryRound round, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(JobIdKey, jobId);
        try
        {
            return await _pipeline.ExecuteAsync(static (context, state) => state.Sender.AttemptAsync(context, state.JobId, state.Round), context, (Sender: this, JobId: jobId, Round: round)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs one attempt; returns true where it was the half-open probe and sent no file.</summary>
    private async ValueTask<bool> AttemptAsync(ResilienceContext context, long jobId, DeliveryRound round)
    {
        if (_circuit.CircuitState == CircuitState.HalfOpen)
        {
            await ProbeAsync(context.CancellationToken).ConfigureAwait(false);
            return true;
        }

        DeliveryLog.AttemptStarting(_logger, Name, jobId, round.PendingCount);
        await round.SendPendingAsync(_client, _logger, context.CancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.EchoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DicomNetworkException exception)
        {
            DeliveryLog.ProbeFailed(_logger, Name, exception.Message);
            throw new DestinationProbeFailedException(Name, exception);
        }

        DeliveryLog.ProbeSucceeded(_logger, Name);
    }

    private ResiliencePipeline BuildPipeline(TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // A ratio of 1 and a throughput of the threshold: that many failed rounds, no success among them.
            FailureRatio = 1.0,
            MinimumThroughput = _settings.CircuitBreakerFailureThreshold,
            SamplingDuration = SamplingDuration,
            BreakDuration = _settings.CircuitBreakerBreakDuration,
            StateProvider = _circuit,
            ManualControl = _circuitControl,
            ShouldHandle = new PredicateBuilder().Handle<DicomNetworkException>().Handle<DestinationProbeFailedException>(),
            OnOpened = arguments =>
            {
                DeliveryLog.CircuitOpened(_logger, Name, arguments.BreakDuration.TotalMilliseconds, _settings.CircuitBreakerFailureThreshold, arguments.Outcome.Exception);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                DeliveryLog.CircuitHalfOpened(_logger, Name);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                DeliveryLog.CircuitClosed(_logger, Name);
                return ValueTask.CompletedTask;
            },
        });

        // Polly's retry strategy needs one retry or more; 0 in the settings means no strategy.
        if (_settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _settings.MaxRetryAttempts,
                Delay = _settings.RetryBaseDelay,
                MaxDelay = _settings.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<DicomNetworkException>(exception => exception.IsTransient),
                OnRetry = arguments =>
                {
                    var jobId = arguments.Context.Properties.GetValue(JobIdKey, 0);
                    DeliveryLog.RetryScheduled(_logger, Name, jobId, arguments.AttemptNumber + 1, _settings.MaxRetryAttempts, arguments.RetryDelay.TotalMilliseconds, arguments.Outcome.Exception?.Message ?? "a transient status");
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>Checks the settings the pipeline depends on, naming each as its configuration path.</summary>
    private static void Validate(DestinationsOptions settings)
    {
        Require(settings.MaxRetryAttempts is >= 0 and <= MaxRetryAttemptsLimit, nameof(DestinationsOptions.MaxRetryAttempts), $"{settings.MaxRetryAttempts} is outside 0 to {MaxRetryAttemptsLimit}");
        Require(settings.RetryBaseDelay >= TimeSpan.Zero && settings.RetryBaseDelay <= MaxPollyDuration, nameof(DestinationsOptions.RetryBaseDelay), $"{settings.RetryBaseDelay} is outside 0 to 1 day");
        Require(settings.RetryMaxDelay >= settings.RetryBaseDelay && settings.RetryMaxDelay <= MaxPollyDuration, nameof(DestinationsOptions.RetryMaxDelay), $"{settings.RetryMaxDelay} is outside RetryBaseDelay to 1 day");
        Require(settings.CircuitBreakerFailureThreshold >= MinFailureThreshold, nameof(DestinationsOptions.CircuitBreakerFailureThreshold), $"{settings.CircuitBreakerFailureThreshold} is below {MinFailureThreshold}, the least Polly's circuit breaker accepts");
        Require(settings.CircuitBreakerBreakDuration >= MinPollyDuration && settings.CircuitBreakerBreakDuration <= MaxPollyDuration, nameof(DestinationsOptions.CircuitBreakerBreakDuration), $"{settings.CircuitBreakerBreakDuration} is outside 0.5 s to 1 day");
        Require(settings.PollInterval > TimeSpan.Zero, nameof(DestinationsOptions.PollInterval), $"{settings.PollInterval} must be longer than zero");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid {DestinationsOptions.SectionName}:{name}: {problem}.", name);
        }
    }
}
