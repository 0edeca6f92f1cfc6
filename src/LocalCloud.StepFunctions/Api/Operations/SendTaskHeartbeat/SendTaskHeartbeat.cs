using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Restarts the task's HeartbeatSeconds clock; a closed task answers TaskTimedOut.</summary>
public sealed class SendTaskHeartbeat(StepFunctionsBackend backend)
{
    public Task<SendTaskHeartbeatResponse> HandleAsync(SendTaskHeartbeatRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var token = Validate.Required(request.TaskToken, "taskToken");
        Validate.MaxLength(token, "taskToken", StepFunctionsLimits.MaxTaskTokenLength);
        backend.RequireOpenTask(token).Heartbeat();
        return Task.FromResult(new SendTaskHeartbeatResponse());
    }
}
