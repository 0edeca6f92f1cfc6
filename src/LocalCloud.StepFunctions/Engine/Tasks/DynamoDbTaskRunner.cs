using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// The optimized DynamoDB integrations (request-response only): the state's Parameters are DynamoDB's request,
/// its response is the result. History: TaskScheduled → TaskStarted → TaskSucceeded | TaskFailed | TaskTimedOut.
/// DynamoDB errors are named "DynamoDB.&lt;ErrorCode&gt;", e.g. DynamoDB.ConditionalCheckFailedException
/// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html).
/// After a restart a call that was Scheduled or Started is made again (at-least-once).
/// </summary>
public sealed class DynamoDbTaskRunner(Execution execution, EngineEnvironment env, StateVisit scope)
{
    public async Task<JsonNode?> RunAsync(TaskState state, TaskResource resource, JsonNode? stateInput, JsonNode? input, CancellationToken cancellationToken)
    {
        var dynamo = env.DynamoDb ?? throw new StatesFailureException(StatesErrors.Runtime,
            $"LocalCloud's Step Functions has no DynamoDB connected, so '{state.Resource}' cannot run.");
        var timeout = TaskScheduling.ReadSeconds(scope, state.Timeouts.TimeoutSeconds, state.Timeouts.TimeoutSecondsPath, stateInput, "TimeoutSecondsPath");
        var operation = char.ToUpperInvariant(resource.Action[0]) + resource.Action[1..];
        var resumed = scope.ResumedTask;
        var parameters = resumed?.Parameters ?? Events.Json(input);
        if (resumed is not null)
        {
            input = JsonNode.Parse(parameters);
        }
        using var open = scope.TakeResumedTask() ?? new OpenTask(execution, null);
        execution.AddOpenTask(open);
        using var aborted = cancellationToken.Register(() => open.TryClose(new TaskOutcome.Aborted()));
        try
        {
            var progress = scope.IsJournaled ? resumed ?? new TaskCheckpoint(TaskPhase.Scheduled, null, parameters) : null;
            if (resumed is null)
            {
                Emit("TaskScheduled", "taskScheduledEventDetails", TaskScheduling.ScheduledDetails(resource, execution.Context.Region, parameters, timeout, heartbeat: null), progress);
            }
            if (resumed is null or { Phase: TaskPhase.Scheduled })
            {
                progress = TaskScheduling.Started(progress, env.Time.GetUtcNow(), timeout, null);
                Emit("TaskStarted", "taskStartedEventDetails", TaskScheduling.Names(resource), progress);
                open.StartTimers(env.Time, timeout is { } t ? TimeSpan.FromSeconds(t) : null, null);
            }
            var call = CallAsync(dynamo, operation, input, cancellationToken);
            if (await Task.WhenAny(call, open.Completion).ConfigureAwait(false) == call)
            {
                open.TryClose(await call.ConfigureAwait(false));
            }
            execution.Idle.Park(open.Completion);
            var outcome = await open.Completion.ConfigureAwait(false);
            (string, JsonNode?)[] names = [("resourceType", resource.ResourceType), ("resource", resource.Action)];
            switch (outcome)
            {
                case TaskOutcome.Succeeded s:
                    Emit("TaskSucceeded", "taskSucceededEventDetails", Events.Data("output", s.Output, names), TaskScheduling.Closed(progress, outcome));
                    return JsonNode.Parse(s.Output);
                case TaskOutcome.Failed f:
                    Emit("TaskFailed", "taskFailedEventDetails", Events.Error(f.Failure.Error, f.Failure.Cause, names), TaskScheduling.Closed(progress, outcome));
                    throw new StatesFailureException(f.Failure);
                case TaskOutcome.TimedOut to:
                    Emit("TaskTimedOut", "taskTimedOutEventDetails", Events.Error(to.Failure.Error, to.Failure.Cause, names), TaskScheduling.Closed(progress, outcome));
                    throw new StatesFailureException(to.Failure);
                default:
                    throw new OperationCanceledException();
            }
        }
        finally
        {
            execution.RemoveOpenTask(open);
        }
    }

    private async Task<TaskOutcome> CallAsync(Ports.IDynamoDbInvoker dynamo, string operation, JsonNode? input, CancellationToken cancellationToken)
    {
        if (input is not JsonObject)
        {
            return new TaskOutcome.Failed(new Failure(StatesErrors.Runtime, $"The parameters of dynamodb:{operation} must be a JSON object."));
        }
        using var request = JsonDocument.Parse(Events.Json(input));
        try
        {
            var response = await dynamo.InvokeAsync(operation, request.RootElement, execution.Context, cancellationToken).ConfigureAwait(false);
            var output = JsonNode.Parse(response.GetRawText()) as JsonObject ?? [];
            var requestId = Guid.NewGuid().ToString();
            // Step Functions' SDK-based integrations add the HTTP metadata of the call to the response object.
            output["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject { ["Content-Type"] = new JsonArray("application/x-amz-json-1.0"), ["x-amzn-RequestId"] = new JsonArray(requestId) },
                ["HttpHeaders"] = new JsonObject { ["Content-Type"] = "application/x-amz-json-1.0", ["x-amzn-RequestId"] = requestId },
                ["HttpStatusCode"] = 200,
            };
            output["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
            return new TaskOutcome.Succeeded(Events.Json(output));
        }
        catch (AwsServiceException e)
        {
            var cause = string.Create(CultureInfo.InvariantCulture,
                $"{e.Message} (Service: AmazonDynamoDBv2; Status Code: {e.StatusCode}; Error Code: {e.ErrorCode}; Request ID: {Guid.NewGuid()}; Proxy: null)");
            return new TaskOutcome.Failed(new Failure("DynamoDB." + e.ErrorCode, cause));
        }
    }

    private void Emit(string type, string member, JsonObject details, TaskCheckpoint? progress) => execution.Append(type, member, details, scope.At(progress));
}
