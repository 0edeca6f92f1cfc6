using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.Core.Ports;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// A bare Lambda function ARN as the Resource: the effective input is the payload and the function's output the
/// result, with LambdaFunction* history events (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html).
/// </summary>
public sealed class LambdaFunctionRunner : ITaskRunner
{
    public TaskHistoryDialect Dialect => TaskHistoryDialect.LambdaFunction;

    public bool Runs(TaskResource resource) => resource.ResourceType == "lambda" && resource.Resource == resource.Action;

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var request = new LambdaInvokeRequest(resource.Resource, Encoding.UTF8.GetBytes(Events.Json(parameters)));
        return async ct =>
        {
            var call = await LambdaCall.InvokeAsync(env.Lambda, request, execution.Context, ct).ConfigureAwait(false);
            return call.Failure is { } failure ? new TaskOutcome.Failed(failure) : new TaskOutcome.Succeeded(Events.Json(call.PayloadJson()));
        };
    }
}
