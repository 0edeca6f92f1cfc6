using System.Globalization;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// arn:aws:states:::states:startExecution (request-response, .sync, .sync:2, .waitForTaskToken): Parameters are
/// StartExecution's request (StateMachineArn, Name, Input). Request-response answers StartExecution's response;
/// .sync waits for the child and answers DescribeExecution's shape with Output as a JSON string, .sync:2 with Output
/// as JSON (https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html). Dates are epoch
/// milliseconds, as the Java SDK behind Step Functions serialises them. A child that does not succeed fails the
/// task with States.TaskFailed and the child's description as the cause; stopping the parent stops the child.
/// A caller that passes $$.Execution.Id as AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID in Input has it reach the child's
/// input as given (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-nested-workflows.html).
/// </summary>
public sealed class StartExecutionRunner : IWaitingTaskRunner
{
    public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

    public bool Runs(TaskResource resource) => resource is { ResourceType: "states", Operation: "startExecution" };

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var starter = env.Executions ?? throw new StatesFailureException(StatesErrors.Runtime,
            $"LocalCloud's Step Functions has no way to start executions connected, so '{resource.Resource}' cannot run.");
        if (parameters is not JsonObject request || request["StateMachineArn"] is not JsonValue arn || !arn.TryGetValue<string>(out var machineArn))
        {
            throw new StatesFailureException(StatesErrors.Runtime, "The field 'StateMachineArn' is required by arn:aws:states:::states:startExecution and must be a string.");
        }
        var name = request["Name"] is JsonValue n && n.TryGetValue<string>(out var ns) ? ns : null;
        // Input may be a JSON string (passed as is) or any JSON value (serialised), as on AWS.
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
                var (childArn, startDate, _) = await starter.StartAsync(machineArn, name, input, execution.Context, ct).ConfigureAwait(false);
                var output = new JsonObject { ["ExecutionArn"] = childArn, ["StartDate"] = Millis(startDate) };
                SdkMetadata.AddJson(output, "application/x-amz-json-1.0");
                return new TaskOutcome.Succeeded(Events.Json(output));
            }
            catch (AwsServiceException e)
            {
                return new TaskOutcome.Failed(new Failure("StepFunctions." + e.ErrorCode, SdkMetadata.Cause(e, "AWSStepFunctions")));
            }
        };
    }

    public async Task<TaskOutcome?> WaitAsync(TaskResource resource, string submitted, EngineEnvironment env, Execution execution, Task<TaskOutcome> closed)
    {
        var childArn = JsonNode.Parse(submitted)?["ExecutionArn"]?.GetValue<string>();
        if (childArn is null || env.Executions?.Find(childArn) is not { } child)
        {
            return new TaskOutcome.Failed(new Failure(StatesErrors.TaskFailed, $"The child execution '{childArn}' is not known to LocalCloud."));
        }
        var first = await Task.WhenAny(child.Finished, closed).ConfigureAwait(false);
        if (first == closed)
        {
            // AWS stops a .sync child when its parent is stopped; a parent that merely timed out or shut down leaves it.
            if (execution.Result is { Status: ExecutionStatus.Aborted })
            {
                env.Executions.StopChild(childArn, execution.Context);
            }
            return null;
        }
        var ended = await child.Finished.ConfigureAwait(false);
        var description = Describe(ended, jsonOutput: resource.Action.EndsWith(":2", StringComparison.Ordinal));
        return ended.Status == ExecutionStatus.Succeeded
            ? new TaskOutcome.Succeeded(Events.Json(description))
            : new TaskOutcome.Failed(new Failure(StatesErrors.TaskFailed, Events.Json(description)));
    }

    private static JsonObject Describe(ExecutionSnapshot ended, bool jsonOutput)
    {
        var output = new JsonObject
        {
            ["ExecutionArn"] = ended.ExecutionArn,
            ["Input"] = jsonOutput ? JsonNode.Parse(ended.Input) : ended.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = ended.Name,
            ["StartDate"] = Millis(ended.StartDate),
            ["StateMachineArn"] = ended.StateMachineArn,
            ["Status"] = ended.Status,
        };
        if (ended.Output is { } result)
        {
            output["Output"] = jsonOutput ? JsonNode.Parse(result) : result;
            output["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        if (ended.Error is { } error)
        {
            output["Error"] = error;
        }
        if (ended.Cause is { } cause)
        {
            output["Cause"] = cause;
        }
        if (ended.StopDate is { } stop)
        {
            output["StopDate"] = Millis(stop);
        }
        return output;
    }

    private static long Millis(DateTimeOffset date) => date.ToUnixTimeMilliseconds();
}
