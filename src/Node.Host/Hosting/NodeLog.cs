using Microsoft.Extensions.Logging;

namespace Node.Host.Hosting;

/// <summary>Log lines of the node's start and stop, event ids 2100-2199.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "AI Node {Version} starting in {WorkingFolder}; effective settings: {Settings}")]
    public static partial void Starting(ILogger logger, string version, string workingFolder, string settings);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Job store ready at {Path}; {ResumedCount} job(s) resumed from Analysing or Reporting to Ready")]
    public static partial void JobStoreReady(ILogger logger, string path, int resumedCount);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Model pack {ModelName} {ModelVersion} loaded from {Folder}, ONNX SHA-256 {OnnxSha256}")]
    public static partial void ModelPackLoaded(ILogger logger, string modelName, string modelVersion, string folder, string onnxSha256);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "No destination is configured (Destinations:Peers); reports stay in {OutboxPath} and their jobs end without delivery")]
    public static partial void NoDestinations(ILogger logger, string outboxPath);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "AI Node stopped")]
    public static partial void Stopped(ILogger logger);
}
