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

        return await JobApiServer.StartAsync(new DynamoDbJobRepository(environment.DynamoDb, PocResources.JobsTable), cancellationToken: ct);
    }

    /// <summary>
    /// Each run meets one kind of fault, in turn: the next requests answer 503, are dropped without an answer, or are
    /// slower than the client's 3 s attempt timeout. Two of each, fewer than the client's retries, so every scenario
    /// must still end as expected, with no job lost or checked twice for one poll.
    /// </summary>
    public static string InjectFaults(JobApiServer server, int run)
    {
        ArgumentNullException.ThrowIfNull(server);
        switch ((run - 1) % 3)
        {
            case 0:
                server.Faults.Set(JobApiFaultMode.ServerError, 2);
                return "the next 2 requests answer 503";
            case 1:
                server.Faults.Set(JobApiFaultMode.Down, 2);
                return "the next 2 requests are dropped without an answer";
            default:
                server.Faults.Set(JobApiFaultMode.Slow, 2, TimeSpan.FromSeconds(5));
                return "the next 2 requests take 5 s, beyond the client's 3 s attempt timeout";
        }
    }
}
