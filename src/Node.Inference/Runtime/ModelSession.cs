using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Node.Inference.Runtime;

/// <summary>
/// One ONNX Runtime session for one model pack, created once and reused for every run. It runs
/// on CUDA where the settings request it and the provider loads, and on the CPU otherwise.
/// Creating it logs exactly one line that names the provider and the reason. <see cref="Run"/>
/// may be called from several threads at once, as InferenceSession.Run allows.
/// </summary>
public sealed class ModelSession : IDisposable
{
    /// <summary>ONNX Runtime's own messages below this level stay quiet; errors still reach the caller as exceptions.</summary>
    private const OrtLoggingLevel RuntimeLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;

    /// <summary>
    /// ONNX Runtime's session configuration key for busy-waiting of idle intra-op threads. Spinning
    /// takes CPU time from the preprocessing threads that feed the model, so it is turned off.
    /// </summary>
    private const string AllowSpinningKey = "session.intra_op.allow_spinning";

    private readonly InferenceSession _session;

    /// <summary>The options the session was built with, kept alive as long as the session.</summary>
    private readonly SessionOptions _sessionOptions;

    private ModelSession(InferenceSession session, SessionOptions sessionOptions, ExecutionProvider executionProvider)
    {
        _session = session;
        _sessionOptions = sessionOptions;
        ExecutionProvider = executionProvider;
    }

    public ExecutionProvider ExecutionProvider { get; }

    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => _session.OutputMetadata;

    /// <summary>Creates the session: CUDA on the configured device where asked and loadable, else CPU.</summary>
    /// <param name="onnxModel">The bytes of model.onnx, the same bytes that were hashed.</param>
    /// <param name="options">Whether to try CUDA, and on which device.</param>
    /// <param name="logger">Receives the one line that names the provider.</param>
    /// <param name="packName">The pack's name, for the log line.</param>
    /// <param name="packVersion">The pack's version, for the log line.</param>
    /// <exception cref="OnnxRuntimeException">The model cannot be loaded on the CPU either.</exception>
    public static ModelSession Create(byte[] onnxModel, InferenceOptions options, ILogger logger, string packName, string packVersion)
    {
        // ONNX Runtime's process-wide logger would print its own line to stderr when the CUDA
        // provider fails to load. Our log line carries that message, so the runtime stays quiet.
        OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;

        if (!options.UseCuda)
        {
            var cpu = CreateCpu(onnxModel);
            Log.SessionCreated(logger, packName, packVersion, ExecutionProvider.Cpu, "UseCuda is false in the settings");
            return cpu;
        }

        var cudaOptions = NewSessionOptions();
        try
        {
            cudaOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            var session = new InferenceSession(onnxModel, cudaOptions);
            Log.SessionCreated(logger, packName, packVersion, ExecutionProvider.Cuda, $"CUDA device {options.CudaDeviceId} loaded");
            return new ModelSession(session, cudaOptions, ExecutionProvider.Cuda);
        }
        catch (OnnxRuntimeException exception)
        {
            cudaOptions.Dispose();
            var cpu = CreateCpu(onnxModel);
            Log.CudaFallback(logger, packName, packVersion, ExecutionProvider.Cpu, options.CudaDeviceId, exception.Message);
            return cpu;
        }
    }

    /// <summary>Runs the model on <paramref name="imageCount"/> images laid end to end in <paramref name="input"/>, writing each output into its binding's array.</summary>
    /// <param name="inputName">The input tensor's name.</param>
    /// <param name="imageShape">The input tensor's shape without the batch axis.</param>
    /// <param name="input">At least imageCount × product(imageShape) values; only that many, from the start, are read.</param>
    /// <param name="imageCount">The batch size of this run.</param>
    /// <param name="outputs">The outputs to fetch, each with the shape this batch produces and an array of that size.</param>
    /// <exception cref="OnnxRuntimeException">The run failed, for example because an output's shape differs from its binding's.</exception>
    public void Run(string inputName, IReadOnlyList<int> imageShape, float[] input, int imageCount, IReadOnlyList<OutputBinding> outputs)
    {
        var shape = new long[imageShape.Count + 1];
        shape[0] = imageCount;
        for (var axis = 0; axis < imageShape.Count; axis++)
        {
            shape[axis + 1] = imageShape[axis];
        }

        var length = (int)shape.Aggregate(1L, (product, dimension) => product * dimension);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, length), shape);
        var outputValues = outputs.Select(output => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output.Values.AsMemory(), output.Shape)).ToArray();
        try
        {
            using var runOptions = new RunOptions();
            _session.Run(runOptions, [inputName], [inputValue], [.. outputs.Select(output => output.Name)], outputValues);
        }
        finally
        {
            foreach (var value in outputValues)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    private static SessionOptions NewSessionOptions()
    {
        var sessionOptions = new SessionOptions { LogSeverityLevel = RuntimeLogLevel };
        sessionOptions.AddSessionConfigEntry(AllowSpinningKey, "0");
        return sessionOptions;
    }

    private static ModelSession CreateCpu(byte[] onnxModel)
    {
        var cpuOptions = NewSessionOptions();
        try
        {
            return new ModelSession(new InferenceSession(onnxModel, cpuOptions), cpuOptions, ExecutionProvider.Cpu);
        }
        catch
        {
            cpuOptions.Dispose();
            throw;
        }
    }
}
