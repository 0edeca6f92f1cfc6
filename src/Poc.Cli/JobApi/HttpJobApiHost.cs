using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.SimulatedApi;
using JobOrchestration.JobApi;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;

namespace Poc.Cli.JobApi;

/// <summary>
/// The simulated REST job API for `poc test --job-api http`: served by poc on a free port, storing jobs in the very
/// poc-jobs table the Lambda API uses, so every check of the pattern test reads the same records.
/// </summary>
public static class HttpJobApiHost
{
    public static async Task<JobApiServer> StartAsync(PocEnvironment environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Kind != EndpointKind.LocalCloud)
        {
            throw new PocException(Messages.HttpJobApiNeedsLocalCloud);
        }

        var server = await JobApiServer.StartAsync(new DynamoDbJobRepository(environment.DynamoDb, PocResources.JobsTable), cancellationToken: ct);
        try
        {
            await server.WarmUpAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Each run meets one kind of fault, in turn: 503, a dropped connection, or no answer before the client's attempt
    /// timeout gives up. Each is aimed at the first attempt of two of the run's creates, never at a retry or a status
    /// check, so every faulted create needs exactly one retry: fewer than the client's three, and one failed attempt
    /// per create is never half of a worker's attempts until the breaker's minimum (docs/poc-cli.md says why that
    /// matters). Which two creates arrive first is still up to the scheduler; that every scenario ends as expected is not.
    /// </summary>
    public static string InjectFaults(JobApiServer server, int run)
    {
        ArgumentNullException.ThrowIfNull(server);
        const JobApiFaultTarget creates = JobApiFaultTarget.FirstAttemptOfCreates;
        switch ((run - 1) % 3)
        {
            case 0:
                server.Faults.Set(JobApiFaultMode.ServerError, 2, faultTarget: creates);
                return "the first attempt of the next 2 creates answers 503";
            case 1:
                server.Faults.Set(JobApiFaultMode.Down, 2, faultTarget: creates);
                return "the first attempt of the next 2 creates is dropped without an answer";
            default:
                server.Faults.Set(JobApiFaultMode.Slow, 2, SlowDelay, creates);
                return $"the first attempt of the next 2 creates is held {SlowDelay.TotalSeconds:0} s, beyond the client's {HttpJobApiOptions.DefaultAttemptTimeout.TotalSeconds:0} s attempt timeout";
        }
    }

    // Ten attempt timeouts: the client gives up long before, however late a busy machine fires its timer, and the held
    // request ends as soon as the client hangs up.
    private static TimeSpan SlowDelay => HttpJobApiOptions.DefaultAttemptTimeout * 10;
}
