using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// arn:aws:states:::lambda:invoke and its .waitForTaskToken form: Parameters are Lambda's Invoke request
/// (FunctionName, Payload, InvocationType, Qualifier) and the result is the Invoke response object
/// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html).
/// </summary>
public sealed class LambdaInvokeRunner : ITaskRunner
{
    public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

    public bool Runs(TaskResource resource)
        => resource is { ResourceType: "lambda", Operation: "invoke", Pattern: IntegrationPattern.RequestResponse or IntegrationPattern.WaitForTaskToken }
            && resource.Resource != resource.Action;

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var request = BuildRequest(parameters);
        return async ct =>
        {
            var call = await LambdaCall.InvokeAsync(env.Lambda, request, execution.Context, ct).ConfigureAwait(false);
            return call.Failure is { } failure ? new TaskOutcome.Failed(failure) : new TaskOutcome.Succeeded(Events.Json(call.ResponseObject(env.Time)));
        };
    }

    private static LambdaInvokeRequest BuildRequest(JsonNode? input)
    {
        if (input is not JsonObject parameters || parameters["FunctionName"] is not JsonValue fn || !fn.TryGetValue<string>(out var functionName))
        {
            throw new StatesFailureException(StatesErrors.Runtime, "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke and must be a string.");
        }
        var type = LambdaInvocationType.RequestResponse;
        if (parameters["InvocationType"] is JsonValue it && (!it.TryGetValue<string>(out var typeName) || !Enum.TryParse(typeName, ignoreCase: false, out type)))
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"The InvocationType '{it.ToJsonString()}' is not RequestResponse, Event or DryRun.");
        }
        var payload = parameters.TryGetPropertyValue("Payload", out var p) ? Events.Json(p) : "{}";
        var qualifier = parameters["Qualifier"] is JsonValue q && q.TryGetValue<string>(out var qs) ? qs : null;
        return new LambdaInvokeRequest(functionName, Encoding.UTF8.GetBytes(payload), type, qualifier);
    }
}
