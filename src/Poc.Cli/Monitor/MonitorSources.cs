using Amazon.DynamoDBv2;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;
using Poc.Cli.Cost;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Monitor;

/// <summary>What the collector reads from: the AWS clients, plus what only LocalCloud offers.</summary>
/// <param name="StepFunctions">ListStateMachines, ListExecutions, GetExecutionHistory.</param>
/// <param name="Scheduler">GetSchedule.</param>
/// <param name="DynamoDb">Query on poc-task-tokens' status-index.</param>
/// <param name="Kind">What answers at the endpoint; it decides the notes and the schedule estimate.</param>
public sealed record MonitorSources(StepFunctionsClient StepFunctions, SchedulerClient Scheduler, IAmazonDynamoDB DynamoDb, EndpointKind Kind)
{
    /// <summary>The endpoint, described for the header.</summary>
    public string Where { get; init; } = "";

    /// <summary>LocalCloud's schedule time scale, when its health reports it.</summary>
    public double? ScheduleTimeScale { get; init; }

    /// <summary>LocalCloud's usage counters; null where there are none (AWS, LocalStack).</summary>
    public Func<CancellationToken, Task<IReadOnlyList<UsageReading>>>? Usage { get; init; }

    /// <summary>The newest invocations (at most the count given), newest first; null where none are listed (AWS, LocalStack).</summary>
    public Func<int, CancellationToken, Task<IReadOnlyList<LambdaInvocation>>>? RecentInvocations { get; init; }

    /// <summary>The sources of a resolved environment; <paramref name="http"/> reads LocalCloud's own routes.</summary>
    public static MonitorSources For(PocEnvironment env, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(http);
        return new MonitorSources(env.StepFunctions, env.Scheduler, env.DynamoDb, env.Kind)
        {
            Where = env.Describe(),
            ScheduleTimeScale = env.ScheduleTimeScale,
            Usage = env is { Kind: EndpointKind.LocalCloud, Endpoint: { } endpoint } ? ct => LocalCloudUsage.ReadAsync(http, endpoint, ct) : null,
            RecentInvocations = env is { Kind: EndpointKind.LocalCloud, Endpoint: { } at } ? (limit, ct) => LambdaInvocations.ReadAsync(http, at, limit, ct) : null,
        };
    }
}
