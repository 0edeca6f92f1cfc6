using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Aborts a running execution: ExecutionAborted is written, its open task is closed (so the task's
/// token answers TaskTimedOut) and its timers are cancelled. Stopping an ended execution changes nothing.
/// </summary>
public sealed class StopExecution(StepFunctionsBackend backend)
{
    public Task<StopExecutionResponse> HandleAsync(StopExecutionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var execution = backend.RequireExecution(SfnArn.RequireExecution(request.ExecutionArn));
        Validate.MaxLength(request.Error, "error", StepFunctionsLimits.MaxErrorLength);
        Validate.MaxLength(request.Cause, "cause", StepFunctionsLimits.MaxCauseLength);
        execution.Abort(request.Error, request.Cause);
        return Task.FromResult(new StopExecutionResponse(execution.StopDate ?? backend.Engine.Time.GetUtcNow()));
    }
}
