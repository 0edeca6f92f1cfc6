using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Express;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Runs an Express execution and answers with its end: 200 even when it failed, the status saying how it ended
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html). AWS serves it on the
/// sync-states host; LocalCloud answers it on its one port like every other operation.
/// </summary>
public sealed class StartSyncExecution(StepFunctionsBackend backend)
{
    public async Task<StartSyncExecutionResponse> HandleAsync(StartSyncExecutionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var machine = backend.RequireMachine(SfnArn.RequireStateMachine(request.StateMachineArn));
        var name = ExpressExecutions.ValidName(request.Name);
        var input = ExpressExecutions.ValidInput(request.Input);
        if (request.IncludedData is not (null or "ALL_DATA" or "METADATA_ONLY"))
        {
            throw StepFunctionsErrors.Validation($"'{request.IncludedData}'", "includedData", "Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]");
        }
        if (machine.Type != ExpressRules.Express)
        {
            throw StepFunctionsErrors.StateMachineTypeNotSupported(nameof(StartSyncExecution), machine.Type);
        }
        var execution = ExpressExecutions.Start(backend, machine, name, input, context);
        var s = await execution.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        var stop = s.StopDate ?? s.StartDate;
        // The sync status has no ABORTED: only a LocalCloud shutdown aborts an Express execution, and the caller sees it fail.
        var status = s.Status == ExecutionStatus.Aborted ? ExecutionStatus.Failed : s.Status;
        return new StartSyncExecutionResponse(s.ExecutionArn, s.StateMachineArn, s.Name, s.StartDate, stop, status, s.Error, s.Cause,
            s.Input, new JsonObject { ["included"] = true }, s.Output, new JsonObject { ["included"] = true },
            new BillingDetails(ExpressRules.BilledMemoryUsedInMB, ExpressRules.BilledMilliseconds(s.StartDate, stop)));
    }
}
