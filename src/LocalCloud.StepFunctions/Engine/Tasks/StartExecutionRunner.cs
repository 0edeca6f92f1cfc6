using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// arn:aws:states:::states:startExecution (request-response, .sync, .sync:2, .waitForTaskToken): Parameters (or JSONata
/// Arguments) are StartExecution's request (StateMachineArn, Name, Input), and the child is started by the
/// StartExecution operation itself. Request-response answers StartExecution's response; .sync waits for the child and
/// answers DescribeExecution's shape with Input and Output as JSON strings, .sync:2 with them as JSON
/// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html). Shapes, key order (the Java SDK's,
/// alphabetical) and the failure's cause follow AWS's recorded histories in LocalStack's snapshots
/// (tests/aws/services/stepfunctions/v2/callback/test_callback.snapshot.json, test_sfn_task_service.snapshot.json):
/// a child that does not succeed fails the task with States.TaskFailed and its description as the cause. Dates are
/// epoch milliseconds, as the Java SDK behind Step Functions writes them. A refused StartExecution fails the task with
/// StepFunctions.&lt;Code&gt;Exception (e.g. StepFunctions.ExecutionAlreadyExistsException).
/// </summary>
public sealed class StartExecutionRunner : IWaitingTaskRunner
{
    public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

    public bool Runs(TaskResource resource) => resource is { ResourceType: "states", Operation: "startExecution" };

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var starter = env.Executions ?? throw new StatesFailureException(StatesErrors.Runtime,
            $"LocalCloud's Step Functions has no way to start executions connected, so '{resource.Resource}' cannot run.");
        if (parameters is not JsonObject request)
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"The parameters of '{resource.Resource}' must be a JSON object (StartExecution's request).");
        }
        var machineArn = Text(request, "StateMachineArn", resource);
        var name = Text(request, "Name", resource);
        // Input may be a JSON string (passed as is) or any other JSON value (serialised), as on AWS; absent or null gives {}.
        var input = request["Input"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            var node => Events.Json(node),
        };
        return async ct =>
        {
            try
            {
                var (childArn, startDate) = await starter.StartAsync(machineArn, name, input, execution.Context, ct).ConfigureAwait(false);
                var output = new JsonObject { ["ExecutionArn"] = childArn };
                SdkMetadata.AddJson(output, "application/x-amz-json-1.0");
                output["StartDate"] = Millis(startDate);
                return new TaskOutcome.Succeeded(Events.Json(output));
            }
            catch (AwsServiceException e)
            {
                return new TaskOutcome.Failed(new Failure(ErrorName(e.ErrorCode), SdkMetadata.Cause(e, "AWSStepFunctions")));
            }
        };
    }

    public async Task WaitAsync(TaskResource resource, string submitted, EngineEnvironment env, Execution execution, OpenTask open)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(execution);
        var childArn = JsonNode.Parse(submitted)?["ExecutionArn"]?.GetValue<string>();
        if (childArn is null || env?.Executions?.Find(childArn) is not { } child)
        {
            open.TryClose(new TaskOutcome.Failed(new Failure(StatesErrors.TaskFailed,
                $"The child execution '{childArn}' is no longer known to LocalCloud (forgotten by retention, or an Express execution lost in a restart).")));
            return;
        }
        // Until the task closes, the parent counts as idle only while the child does (tests step one clock for both).
        using var following = execution.Idle.Follow(child.Idle);
        var first = await Task.WhenAny(child.Finished, open.Completion).ConfigureAwait(false);
        if (first == open.Completion)
        {
            // The task was stopped (StopExecution, or a failure elsewhere aborting its branch): AWS stops the child
            // too. A timeout leaves it running, and so does a shutdown that only detaches the parent.
            if (open.Completion.Result is TaskOutcome.Aborted && (execution.Result is not null || execution.IsRunning) && child.IsRunning)
            {
                await StopChildAsync(env.Executions, childArn, execution.Context).ConfigureAwait(false);
            }
            return;
        }
        var ended = await child.Finished.ConfigureAwait(false);
        var description = Events.Json(Describe(ended, jsonData: resource.Action.EndsWith(":2", StringComparison.Ordinal)));
        open.TryClose(ended.Status == ExecutionStatus.Succeeded
            ? new TaskOutcome.Succeeded(description)
            : new TaskOutcome.Failed(new Failure(StatesErrors.TaskFailed, description)));
    }

    private static async Task StopChildAsync(Ports.IExecutionStarter starter, string childArn, RequestContext context)
    {
        try
        {
            await starter.StopAsync(childArn, context).ConfigureAwait(false);
        }
        catch (AwsServiceException)
        {
            // An Express child cannot be stopped (StopExecution refuses it), as on AWS; it runs to its end.
        }
    }

    /// <summary>The optimized integration's error names: the Java SDK's exception class under the "StepFunctions." prefix.</summary>
    private static string ErrorName(string code)
        => "StepFunctions." + (code.EndsWith("Exception", StringComparison.Ordinal) ? code : code + "Exception");

    private static string? Text(JsonObject request, string field, TaskResource resource)
        => request[field] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            _ => throw new StatesFailureException(StatesErrors.Runtime, $"The field '{field}' of '{resource.Resource}' must be a string."),
        };

    /// <summary>DescribeExecution's members as the Java SDK writes them (PascalCase, alphabetical).</summary>
    private static JsonObject Describe(ExecutionSnapshot ended, bool jsonData)
    {
        var output = new JsonObject();
        if (ended.Cause is { } cause)
        {
            output["Cause"] = cause;
        }
        if (ended.Error is { } error)
        {
            output["Error"] = error;
        }
        output["ExecutionArn"] = ended.ExecutionArn;
        output["Input"] = jsonData ? JsonNode.Parse(ended.Input) : ended.Input;
        output["InputDetails"] = new JsonObject { ["Included"] = true };
        output["Name"] = ended.Name;
        if (ended.Output is { } result)
        {
            output["Output"] = jsonData ? JsonNode.Parse(result) : result;
            output["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        output["StartDate"] = Millis(ended.StartDate);
        output["StateMachineArn"] = ended.StateMachineArn;
        output["Status"] = ended.Status;
        if (ended.StopDate is { } stop)
        {
            output["StopDate"] = Millis(stop);
        }
        return output;
    }

    private static long Millis(DateTimeOffset date) => date.ToUnixTimeMilliseconds();
}
