using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// Runs one Task attempt against Lambda and writes its history as AWS does:
/// optimized: TaskScheduled → TaskStarted → [TaskSubmitted, callbacks only] → TaskSucceeded | TaskFailed | TaskTimedOut;
/// bare function ARN: LambdaFunctionScheduled → LambdaFunctionStarted → LambdaFunctionSucceeded | …Failed | …TimedOut.
/// Every ending goes through one <see cref="OpenTask"/>, so the invoke result, a callback, a timer and
/// StopExecution race safely: the first close wins.
/// </summary>
public sealed class LambdaTaskRunner(Execution execution, EngineEnvironment env, IStateScope scope)
{
    public async Task<JsonNode?> RunAsync(TaskState state, JsonNode? stateInput, JsonNode? input, string? token, CancellationToken cancellationToken)
    {
        var resource = TaskResource.Parse(state.Resource);
        if (resource.Kind == TaskResourceKind.Unsupported)
        {
            throw new StatesFailureException(StatesErrors.Runtime,
                $"LocalCloud does not support the Task resource '{state.Resource}' (it runs Lambda functions and dynamodb:putItem/getItem/updateItem/deleteItem).");
        }
        if (resource.Kind == TaskResourceKind.DynamoDb)
        {
            return await new DynamoDbTaskRunner(execution, env, scope).RunAsync(state, resource, stateInput, input, cancellationToken).ConfigureAwait(false);
        }
        var timeout = TaskScheduling.ReadSeconds(scope, state.Timeouts.TimeoutSeconds, state.Timeouts.TimeoutSecondsPath, stateInput, "TimeoutSecondsPath");
        var heartbeat = TaskScheduling.ReadSeconds(scope, state.Timeouts.HeartbeatSeconds, state.Timeouts.HeartbeatSecondsPath, stateInput, "HeartbeatSecondsPath");
        var request = BuildRequest(resource, input);
        var legacy = resource.Kind == TaskResourceKind.LambdaFunction;

        using var open = new OpenTask(execution, token);
        env.Tokens.Register(open);
        execution.AddOpenTask(open);
        // A Parallel branch or Map iteration aborted by its siblings' failure closes its task as a stop would.
        using var aborted = cancellationToken.Register(() => open.TryClose(new TaskOutcome.Aborted()));
        try
        {
            if (legacy)
            {
                Emit("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
                    Events.Data("input", Events.Json(input), ("resource", resource.Resource), ("timeoutInSeconds", timeout)));
                Emit("LambdaFunctionStarted");
            }
            else
            {
                Emit("TaskScheduled", "taskScheduledEventDetails", TaskScheduling.ScheduledDetails(resource, execution.Context.Region, input, timeout, heartbeat));
                Emit("TaskStarted", "taskStartedEventDetails", TaskScheduling.Names(resource));
            }
            open.StartTimers(env.Time, timeout is { } t ? TimeSpan.FromSeconds(t) : null,
                heartbeat is { } h && resource.Kind == TaskResourceKind.LambdaInvokeCallback ? TimeSpan.FromSeconds(h) : null);

            var invoke = LambdaCall.InvokeAsync(env.Lambda, request, execution.Context, cancellationToken);
            var first = await Task.WhenAny(invoke, open.Completion).ConfigureAwait(false);
            // A callback may answer before the invoke returns (the token is valid from TaskScheduled);
            // the invoke is still awaited then so TaskSubmitted precedes TaskSucceeded/TaskFailed, as
            // on AWS. A timeout or a stop does not wait for the invoke.
            var answeredEarly = first != invoke && resource.Kind == TaskResourceKind.LambdaInvokeCallback
                && open.Completion.Result is TaskOutcome.Succeeded or TaskOutcome.Failed;
            if (first == invoke || answeredEarly)
            {
                var call = await invoke.ConfigureAwait(false);
                if (call.Failure is not null)
                {
                    open.TryClose(new TaskOutcome.Failed(call.Failure));
                }
                else if (resource.Kind == TaskResourceKind.LambdaInvokeCallback)
                {
                    Emit("TaskSubmitted", "taskSubmittedEventDetails", Events.Data("output", Events.Json(call.ResponseObject(env.Time)), Pairs(resource)));
                }
                else
                {
                    open.TryClose(new TaskOutcome.Succeeded(Events.Json(legacy ? call.PayloadJson() : call.ResponseObject(env.Time))));
                }
            }
            execution.Park(open.Completion);
            return Finish(resource, await open.Completion.ConfigureAwait(false));
        }
        finally
        {
            execution.RemoveOpenTask(open);
        }
    }

    private JsonNode? Finish(TaskResource resource, TaskOutcome outcome)
    {
        var legacy = resource.Kind == TaskResourceKind.LambdaFunction;
        switch (outcome)
        {
            case TaskOutcome.Succeeded s:
                Emit(legacy ? "LambdaFunctionSucceeded" : "TaskSucceeded", legacy ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails",
                    Events.Data("output", s.Output, legacy ? [] : Pairs(resource)));
                return JsonNode.Parse(s.Output);
            case TaskOutcome.Failed f:
                Emit(legacy ? "LambdaFunctionFailed" : "TaskFailed", legacy ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails",
                    Events.Error(f.Failure.Error, f.Failure.Cause, legacy ? [] : Pairs(resource)));
                throw new StatesFailureException(f.Failure);
            case TaskOutcome.TimedOut t:
                Emit(legacy ? "LambdaFunctionTimedOut" : "TaskTimedOut", legacy ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails",
                    Events.Error(t.Failure.Error, t.Failure.Cause, legacy ? [] : Pairs(resource)));
                throw new StatesFailureException(t.Failure);
            default:
                throw new OperationCanceledException();
        }
    }

    private static LambdaInvokeRequest BuildRequest(TaskResource resource, JsonNode? input)
    {
        if (resource.Kind == TaskResourceKind.LambdaFunction)
        {
            return new LambdaInvokeRequest(resource.Resource, Encoding.UTF8.GetBytes(Events.Json(input)));
        }
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

    private void Emit(string type, string? member = null, JsonObject? details = null)
    {
        if (!execution.AddEvent(type, member, details))
        {
            throw new OperationCanceledException(execution.Stopping);
        }
    }

    private static (string, JsonNode?)[] Pairs(TaskResource resource) => [("resourceType", resource.ResourceType), ("resource", resource.Action)];
}
