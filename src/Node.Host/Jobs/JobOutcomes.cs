namespace Node.Host.Jobs;

/// <summary>The values of <see cref="Job.Outcome"/>: the worker writes them, the sender reads them to choose the job's end state.</summary>
public static class JobOutcomes
{
    /// <summary>The model pack analysed the study; delivered, the job ends Done.</summary>
    public const string Analysed = "analysed";

    /// <summary>The model pack did not accept the study; its "not analysed" SR delivered, the job ends NotAnalysed.</summary>
    public const string NotAnalysed = "not-analysed";

    /// <summary>The job's instances were all the node's own SR and SC coming back; nothing was analysed or sent, and the job ends Done.</summary>
    public const string OwnReportsOnly = "own-reports-only";
}
