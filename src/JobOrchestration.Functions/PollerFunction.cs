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

    public PollerFunction(ITokenStore tokens, IJobApi jobApi, ITaskCallbacks callbacks, TimeProvider time, IFunctionLog log)
    {
        poller = new JobPoller(tokens, jobApi, callbacks, time, log);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var summary = await poller.SweepAsync(CancellationToken.None);
        return JsonPayload.ToStream(summary.ToJson());
    }
}
