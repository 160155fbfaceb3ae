using System.Globalization;

namespace Node.Inference.Runtime;

/// <summary>Settings of the inference step, configuration section "Inference".</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    public const bool DefaultUseCuda = true;
    public const int DefaultCudaDeviceId = 0;
    public const int MaxCudaDeviceId = 63;
    public const int DefaultBatchSize = 8;
    public const int MaxBatchSize = 1024;
    public const int DefaultPreprocessingParallelism = 2;
    public const int MaxPreprocessingParallelism = 256;
    public const int DefaultMaxAttempts = 3;
    public const int MaxMaxAttempts = 100;

    /// <summary>Whether to try the CUDA execution provider before the CPU one. Default true; CPU is used where CUDA fails to load.</summary>
    public bool UseCuda { get; set; } = DefaultUseCuda;

    /// <summary>The CUDA device id to run on, from 0 to 63. Default 0.</summary>
    public int CudaDeviceId { get; set; } = DefaultCudaDeviceId;

    /// <summary>Images per model run, from 1 to 1024. Default 8. A model whose batch axis is fixed at 1 runs one image at a time whatever this is set to.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Images preprocessed at once while the model runs, from 1 to 256. Default 2.</summary>
    public int PreprocessingParallelism { get; set; } = DefaultPreprocessingParallelism;

    /// <summary>Whether image results keep the model's heatmaps. Default true.</summary>
    public bool IncludeHeatmaps { get; set; } = true;

    /// <summary>
    /// Model pack folders, each holding model.json and model.onnx. A study goes to the first pack
    /// whose input rules accept the most of its instances. Empty (the default) means the reference
    /// pack shipped beside the executable.
    /// </summary>
    public List<string> ModelPacks { get; set; } = [];

    /// <summary>Analyses of one study that may fail (an error, not a "not analysed" result) before it is marked failed, from 1 to 100. Default 3.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>Returns one message per invalid setting, naming its configuration key, value and allowed range; empty where all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        CheckRange(errors, nameof(CudaDeviceId), CudaDeviceId, 0, MaxCudaDeviceId);
        CheckRange(errors, nameof(BatchSize), BatchSize, 1, MaxBatchSize);
        CheckRange(errors, nameof(PreprocessingParallelism), PreprocessingParallelism, 1, MaxPreprocessingParallelism);
        CheckRange(errors, nameof(MaxAttempts), MaxAttempts, 1, MaxMaxAttempts);
        return errors;
    }

    /// <exception cref="ArgumentException">Any setting is invalid; the message lists them all.</exception>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key}: value {value} is invalid; expected an integer from {min} to {max}."));
        }
    }
}
