using Amazon.DynamoDBv2;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.SimulatedApi;

namespace JobOrchestration.Functions;

/// <summary>
/// poc-simulated-api: the external job API. Handler
/// <c>JobOrchestration.Functions::JobOrchestration.Functions.SimulatedApiFunction::HandleAsync</c>.
/// </summary>
public sealed class SimulatedApiFunction
{
    private readonly SimulatedJobApi api;

    // Lambda builds the class once per execution environment with this constructor and reuses it across invocations.
    public SimulatedApiFunction()
        : this(new DynamoDbJobRepository(new AmazonDynamoDBClient(), FunctionSettings.FromEnvironment().JobsTable), TimeProvider.System)
    {
    }

    public SimulatedApiFunction(IJobRepository repository, TimeProvider time)
    {
        api = new SimulatedJobApi(repository, time);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await JsonPayload.ReadObjectAsync(input, CancellationToken.None);
        return JsonPayload.ToStream(await api.HandleAsync(request, CancellationToken.None));
    }
}
