using Amazon.DynamoDBv2;
using Aws.Clients.Lambda;
using Aws.Clients.StepFunctions;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions;

/// <summary>
/// poc-poller, fired by the poc-poller-schedule with any input (which it ignores). Handler
/// <c>JobOrchestration.Functions::JobOrchestration.Functions.PollerFunction::HandleAsync</c>.
/// </summary>
public sealed class PollerFunction
{
    private readonly JobPoller poller;

    // Lambda builds the class once per execution environment with this constructor and reuses it across invocations.
    public PollerFunction()
    {
        var settings = FunctionSettings.FromEnvironment();
        var log = new ConsoleFunctionLog("poc-poller", TimeProvider.System);
        poller = new JobPoller(
            new DynamoDbTokenStore(new AmazonDynamoDBClient(), settings.TokensTable, settings.TokensStatusIndex, log),
            JobApis.FromEnvironment(settings),
            new StepFunctionsTaskCallbacks(new StepFunctionsClient(ClientConfig.Create())),
            TimeProvider.System,
            log,
            metrics: new StdoutMetricsSink(),
            options: new PollerOptions { Lease = TimeSpan.FromSeconds(settings.PollerLeaseSeconds), BatchWrites = settings.PollerBatchWrites });
    }

    public PollerFunction(
        ITokenStore tokens, IJobApi jobApi, ITaskCallbacks callbacks, TimeProvider time, IFunctionLog log, IMetricsSink? metrics = null, PollerOptions? options = null)
    {
        poller = new JobPoller(tokens, jobApi, callbacks, time, log, options, metrics);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var summary = await poller.SweepAsync(CancellationToken.None);
        return JsonPayload.ToStream(summary.ToJson());
    }
}
