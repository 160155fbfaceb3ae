namespace Node.Inference.Runtime;

/// <summary>What one folder analysis did: files read and skipped, studies analysed and not.</summary>
public sealed record FolderAnalysisSummary(int FilesRead, int FilesSkipped, int StudiesAnalysed, int StudiesNotAnalysed);
