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
        Validate.MaxLength(token, "taskToken", 2048);
        Validate.MaxBytes(output, "output", 262_144);
        try
        {
            using var _ = JsonDocument.Parse(output);
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidOutput(e.Message);
        }
        var task = backend.Engine.Tokens.Find(token);
        if (!task.TryClose(new TaskOutcome.Succeeded(output)))
        {
            throw TaskTokenRegistry.TimedOut();
        }
        return Task.FromResult(new SendTaskSuccessResponse());
    }
}
