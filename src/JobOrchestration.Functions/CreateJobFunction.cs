using Amazon.DynamoDBv2;
using Aws.Clients.Lambda;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.CreateJob;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions;

/// <summary>
/// poc-create-job, invoked by the waitForTaskToken task. Handler
/// <c>JobOrchestration.Functions::JobOrchestration.Functions.CreateJobFunction::HandleAsync</c>.
/// </summary>
public sealed class CreateJobFunction
{
    private readonly JobStarter starter;

    // Lambda builds the class once per execution environment with this constructor and reuses it across invocations.
    public CreateJobFunction()
    {
        var settings = FunctionSettings.FromEnvironment();
        var log = new ConsoleFunctionLog("poc-create-job", TimeProvider.System);
        starter = new JobStarter(
            JobApis.FromEnvironment(settings),
            new DynamoDbTokenStore(new AmazonDynamoDBClient(), settings.TokensTable, settings.TokensStatusIndex, log),
            settings,
            TimeProvider.System,
            log);
    }

    public CreateJobFunction(IJobApi jobApi, ITokenStore tokens, FunctionSettings settings, TimeProvider time, IFunctionLog log)
    {
        starter = new JobStarter(jobApi, tokens, settings, time, log);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await JsonPayload.ReadObjectAsync(input, CancellationToken.None);
        return JsonPayload.ToStream(await starter.HandleAsync(payload, CancellationToken.None));
    }
}
