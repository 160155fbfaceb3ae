using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Node.Host.Delivery;
using Node.Host.Jobs;

namespace Node.Host.Hosting;

/// <summary>
/// <c>GET /health</c>: 200 with the count of jobs in each unfinished state and in Failed, the
/// latest failed jobs with their errors, and each destination's circuit (Closed, Open while the
/// destination is considered down, HalfOpen while a C-ECHO probes it), while the job store responds;
/// 503 where it does not. For load balancers, systemd watchdogs and people.
/// </summary>
internal static class HealthEndpoint
{
    public const string Path = "/health";

    /// <summary>Failed jobs listed, the newest first.</summary>
    private const int ListedFailures = 10;

    private static readonly JobState[] CountedStates = [JobState.Receiving, JobState.Ready, JobState.Analysing, JobState.Reporting, JobState.Sending, JobState.Failed];

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, (Delegate)GetAsync);

    private static async Task<IResult> GetAsync(HttpContext context)
    {
        var store = context.RequestServices.GetRequiredService<IJobStore>();
        try
        {
            var jobs = new Dictionary<string, int>(StringComparer.Ordinal);
            IReadOnlyList<Job> failed = [];
            foreach (var state in CountedStates)
            {
                var inState = await store.GetJobsInStateAsync(state, context.RequestAborted).ConfigureAwait(false);
                jobs[state.ToString()] = inState.Count;
                failed = state == JobState.Failed ? inState : failed;
            }

            var latestFailures = failed
                .OrderByDescending(job => job.Id)
                .Take(ListedFailures)
                .Select(job => new { jobId = job.Id, studyInstanceUid = job.StudyInstanceUid, updatedAt = job.UpdatedAt, lastError = job.LastError });
            var destinations = context.RequestServices.GetRequiredService<ResultSenderService>().Destinations
                .Select(destination => new { name = destination.Name, circuit = destination.CircuitState.ToString() });
            return Results.Json(new { status = "ok", jobs, latestFailures, destinations });
        }
        catch (JobStoreException exception)
        {
            return Results.Json(new { status = "job store unavailable", error = exception.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
