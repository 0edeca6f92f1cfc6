using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Fails the token's task with the caller's error and cause, which Retry/Catch then match.</summary>
public sealed class SendTaskFailure(StepFunctionsBackend backend)
{
    public Task<SendTaskFailureResponse> HandleAsync(SendTaskFailureRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var token = Validate.Required(request.TaskToken, "taskToken");
        Validate.MaxLength(token, "taskToken", StepFunctionsLimits.MaxTaskTokenLength);
        Validate.MaxLength(request.Error, "error", StepFunctionsLimits.MaxErrorLength);
        Validate.MaxLength(request.Cause, "cause", StepFunctionsLimits.MaxCauseLength);
        if (!backend.RequireOpenTask(token).TryClose(new TaskOutcome.Failed(new Failure(request.Error ?? string.Empty, request.Cause))))
        {
            throw StepFunctionsErrors.TaskTimedOut();
        }
        return Task.FromResult(new SendTaskFailureResponse());
    }
}
