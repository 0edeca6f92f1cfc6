using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Restarts the task's HeartbeatSeconds clock; a closed task answers TaskTimedOut.</summary>
public sealed class SendTaskHeartbeat(StepFunctionsBackend backend)
{
    public Task<SendTaskHeartbeatResponse> HandleAsync(SendTaskHeartbeatRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var token = Validate.Required(request.TaskToken, "taskToken");
        Validate.MaxLength(token, "taskToken", 2048);
        backend.Engine.Tokens.Find(token).Heartbeat();
        return Task.FromResult(new SendTaskHeartbeatResponse());
    }
}
