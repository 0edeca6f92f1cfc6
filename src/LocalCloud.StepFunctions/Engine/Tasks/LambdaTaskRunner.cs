using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// Runs one Task attempt against Lambda and writes its history as AWS does:
/// optimized: TaskScheduled → TaskStarted → [TaskSubmitted, callbacks only] → TaskSucceeded | TaskFailed | TaskTimedOut;
/// bare function ARN: LambdaFunctionScheduled → LambdaFunctionStarted → LambdaFunctionSucceeded | …Failed | …TimedOut.
/// Every ending goes through one <see cref="OpenTask"/>, so the invoke result, a callback, a timer and
/// StopExecution race safely: the first close wins.
/// After a restart (<see cref="StateVisit.ResumedTask"/>) it writes only the events history lacks: a task that
/// was Scheduled or Started is invoked again (at-least-once), a Submitted callback task only waits for its token.
/// </summary>
public sealed class LambdaTaskRunner(Execution execution, EngineEnvironment env, StateVisit scope)
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
        var callback = resource.Kind == TaskResourceKind.LambdaInvokeCallback;
        var heartbeatPeriod = heartbeat is { } h && callback ? TimeSpan.FromSeconds(h) : (TimeSpan?)null;
        var resumed = scope.ResumedTask;
        // After a restart the task runs with the parameters its Scheduled event shows (States.UUID is not drawn again).
        var parameters = resumed?.Parameters ?? Events.Json(input);
        if (resumed is not null)
        {
            input = JsonNode.Parse(parameters);
        }
        var request = BuildRequest(resource, input);
        var legacy = resource.Kind == TaskResourceKind.LambdaFunction;

        using var open = scope.TakeResumedTask() ?? new OpenTask(execution, token);
        env.Tokens.Register(open);
        execution.AddOpenTask(open);
        if (scope.IsJournaled && callback)
        {
            open.Journal = execution.Journal;
        }
        // A Parallel branch or Map iteration aborted by its siblings' failure closes its task as a stop would.
        using var aborted = cancellationToken.Register(() => open.TryClose(new TaskOutcome.Aborted()));
        try
        {
            var progress = scope.IsJournaled ? resumed ?? new TaskCheckpoint(TaskPhase.Scheduled, token, parameters) : null;
            if (resumed is null)
            {
                if (legacy)
                {
                    Emit("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
                        Events.Data("input", parameters, ("resource", resource.Resource), ("timeoutInSeconds", timeout)), progress);
                }
                else
                {
                    Emit("TaskScheduled", "taskScheduledEventDetails", TaskScheduling.ScheduledDetails(resource, execution.Context.Region, parameters, timeout, heartbeat),
                        progress, token);
                }
            }
            if (resumed is null or { Phase: TaskPhase.Scheduled })
            {
                progress = TaskScheduling.Started(progress, env.Time.GetUtcNow(), timeout, heartbeatPeriod);
                if (legacy)
                {
                    Emit("LambdaFunctionStarted", null, null, progress);
                }
                else
                {
                    Emit("TaskStarted", "taskStartedEventDetails", TaskScheduling.Names(resource), progress);
                }
                open.StartTimers(env.Time, timeout is { } t ? TimeSpan.FromSeconds(t) : null, heartbeatPeriod);
            }
            // Otherwise the timers were re-armed, with what was left of them, when the store was loaded.
            if (resumed is not { Phase: TaskPhase.Submitted })
            {
                progress = await InvokeAsync(resource, request, open, progress, cancellationToken).ConfigureAwait(false);
            }
            execution.Idle.Park(open.Completion);
            return Finish(resource, await open.Completion.ConfigureAwait(false), progress);
        }
        finally
        {
            execution.RemoveOpenTask(open);
        }
    }

    private async Task<TaskCheckpoint?> InvokeAsync(TaskResource resource, LambdaInvokeRequest request, OpenTask open, TaskCheckpoint? progress, CancellationToken cancellationToken)
    {
        var legacy = resource.Kind == TaskResourceKind.LambdaFunction;
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
                progress = progress is null ? null : progress with { Phase = TaskPhase.Submitted };
                Emit("TaskSubmitted", "taskSubmittedEventDetails", Events.Data("output", Events.Json(call.ResponseObject(env.Time)), Pairs(resource)), progress);
            }
            else
            {
                open.TryClose(new TaskOutcome.Succeeded(Events.Json(legacy ? call.PayloadJson() : call.ResponseObject(env.Time))));
            }
        }
        return progress;
    }

    private JsonNode? Finish(TaskResource resource, TaskOutcome outcome, TaskCheckpoint? progress)
    {
        var legacy = resource.Kind == TaskResourceKind.LambdaFunction;
        switch (outcome)
        {
            case TaskOutcome.Succeeded s:
                Emit(legacy ? "LambdaFunctionSucceeded" : "TaskSucceeded", legacy ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails",
                    Events.Data("output", s.Output, legacy ? [] : Pairs(resource)), TaskScheduling.Closed(progress, outcome));
                return JsonNode.Parse(s.Output);
            case TaskOutcome.Failed f:
                Emit(legacy ? "LambdaFunctionFailed" : "TaskFailed", legacy ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails",
                    Events.Error(f.Failure.Error, f.Failure.Cause, legacy ? [] : Pairs(resource)), TaskScheduling.Closed(progress, outcome));
                throw new StatesFailureException(f.Failure);
            case TaskOutcome.TimedOut t:
                Emit(legacy ? "LambdaFunctionTimedOut" : "TaskTimedOut", legacy ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails",
                    Events.Error(t.Failure.Error, t.Failure.Cause, legacy ? [] : Pairs(resource)), TaskScheduling.Closed(progress, outcome));
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

    private void Emit(string type, string? member, JsonObject? details, TaskCheckpoint? progress, string? token = null)
        => execution.Append(type, member, details, scope.At(progress), token);

    private static (string, JsonNode?)[] Pairs(TaskResource resource) => [("resourceType", resource.ResourceType), ("resource", resource.Action)];
}
