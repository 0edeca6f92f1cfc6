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
