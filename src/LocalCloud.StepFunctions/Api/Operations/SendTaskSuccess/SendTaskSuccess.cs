using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Closes the token's task with its output; a second or late call gets TaskTimedOut.</summary>
public sealed class SendTaskSuccess(StepFunctionsBackend backend)
{
    public Task<SendTaskSuccessResponse> HandleAsync(SendTaskSuccessRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var token = Validate.Required(request.TaskToken, "taskToken");
        var output = Validate.Required(request.Output, "output");
        Validate.MaxLength(token, "taskToken", StepFunctionsLimits.MaxTaskTokenLength);
        Validate.MaxBytes(output, "output", StepFunctionsLimits.MaxPayloadBytes);
        try
        {
            using var _ = JsonDocument.Parse(output);
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidOutput(e.Message);
        }
        if (!backend.RequireOpenTask(token).TryClose(new TaskOutcome.Succeeded(output)))
        {
            throw StepFunctionsErrors.TaskTimedOut();
        }
        return Task.FromResult(new SendTaskSuccessResponse());
    }
}
