using Microsoft.Extensions.Logging;

namespace Node.Inference.Runtime;

/// <summary>Log catalogue of the inference step, event ids 3000 to 3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Inference session for model pack {PackName} {PackVersion} runs on {ExecutionProvider}: {ProviderReason}")]
    public static partial void SessionCreated(ILogger logger, string packName, string packVersion, ExecutionProvider executionProvider, string providerReason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Inference session for model pack {PackName} {PackVersion} runs on {ExecutionProvider}: the CUDA execution provider on device {CudaDeviceId} failed to load: {Error}")]
    public static partial void CudaFallback(ILogger logger, string packName, string packVersion, ExecutionProvider executionProvider, int cudaDeviceId, string error);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Study {StudyInstanceUid} not analysed by {PackName} {PackVersion}: {ReasonCount} reason(s), the first: {FirstReason}")]
    public static partial void StudyNotAnalysed(ILogger logger, string studyInstanceUid, string packName, string packVersion, int reasonCount, string firstReason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug,
        Message = "Study {StudyInstanceUid} analysed by {PackName} {PackVersion}: {ImageCount} image(s), any finding {AnyFindingPresent}")]
    public static partial void StudyAnalysed(ILogger logger, string studyInstanceUid, string packName, string packVersion, int imageCount, bool anyFindingPresent);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information,
        Message = "Study {StudyInstanceUid}: {LeftOutCount} of {InstanceCount} instance(s) left out of the analysis by {PackName} {PackVersion}, because their modality or SOP class is not one the pack takes")]
    public static partial void InstancesLeftOut(ILogger logger, string studyInstanceUid, int leftOutCount, int instanceCount, string packName, string packVersion);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning,
        Message = "Skipped {FilePath}: not a readable DICOM file: {FailureReason}")]
    public static partial void FileSkipped(ILogger logger, string filePath, string failureReason);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information,
        Message = "Analysed {FileCount} file(s) in {StudyCount} stud(ies) with {PackName} {PackVersion}: {AnalysedCount} analysed, {NotAnalysedCount} not analysed, {SkippedCount} file(s) skipped")]
    public static partial void FolderAnalysed(ILogger logger, int fileCount, int studyCount, string packName, string packVersion, int analysedCount, int notAnalysedCount, int skippedCount);
}
