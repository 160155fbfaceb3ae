using Microsoft.Extensions.Logging;
using Node.Inference.Packs;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Runtime;

public sealed class ModelSessionTests
{
    [Test]
    [Description("This machine has no CUDA libraries, so asking for CUDA must fall back to the CPU and log exactly one line that says so and why.")]
    public void Cuda_request_falls_back_to_cpu_with_one_log_line()
    {
        var logger = new CapturingLogger<ModelPackLoader>();

        using var pack = new ModelPackLoader(new InferenceOptions { UseCuda = true }, logger).Load(RepositoryPaths.ReferencePack);

        Assume.That(pack.Session.ExecutionProvider, Is.EqualTo(ExecutionProvider.Cpu), "CUDA loaded here, so there is no fallback to observe");
        var entry = logger.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.EventId.Id, Is.EqualTo(3002));
        Assert.That(entry.Fields["ExecutionProvider"], Is.EqualTo(ExecutionProvider.Cpu));
        Assert.That(entry.Fields["CudaDeviceId"], Is.EqualTo(0));
        Assert.That(entry.Exception, Is.Null, "the reason is in the message; a stack trace on every start helps nobody");
        Assert.That(entry.Fields["Error"], Is.Not.Null.And.Not.Empty);
        Assert.That(entry.Message, Does.Contain("CUDA execution provider on device 0 failed to load: "));
    }

    [Test]
    public void Cpu_by_setting_logs_one_information_line()
    {
        var logger = new CapturingLogger<ModelPackLoader>();

        using var pack = new ModelPackLoader(new InferenceOptions { UseCuda = false }, logger).Load(RepositoryPaths.ReferencePack);

        var entry = logger.Entries.Single();
        Assert.That(pack.Session.ExecutionProvider, Is.EqualTo(ExecutionProvider.Cpu));
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(entry.EventId.Id, Is.EqualTo(3001));
        Assert.That(entry.Message, Is.EqualTo("Inference session for model pack ainode-reference 1.0.0 runs on Cpu: UseCuda is false in the settings"));
    }

    [Test]
    public void Options_validation_names_key_value_and_range()
    {
        var options = new InferenceOptions { BatchSize = 0, CudaDeviceId = -1 };

        Assert.That(options.Validate(), Is.EqualTo(new[]
        {
            "Inference:CudaDeviceId: value -1 is invalid; expected an integer from 0 to 63.",
            "Inference:BatchSize: value 0 is invalid; expected an integer from 1 to 1024.",
        }));
    }
}
