using Microsoft.Extensions.Logging;

namespace Node.Host.Hosting;

/// <summary>
/// Owns the logger factory made before the host exists (the model packs log through it while they
/// load and later while they run), so the host disposes it at the end of the process.
/// </summary>
internal sealed class StartupLogging : IDisposable
{
    public StartupLogging(ILoggerFactory factory)
    {
        Factory = factory;
    }

    public ILoggerFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}
