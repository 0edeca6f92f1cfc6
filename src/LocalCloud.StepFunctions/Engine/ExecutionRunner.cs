using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Drives an execution from StartAt to its end as a chain of async steps: no thread is held while it
/// waits (timers and callbacks resume it), and the steps of one execution run one after another.
/// </summary>
public sealed class ExecutionRunner(Execution execution, EngineEnvironment env)
{
    public async Task RunAsync()
    {
        var definition = execution.Machine.Definition;
        ITimer? executionTimeout = null;
        try
        {
            Emit("ExecutionStarted", "executionStartedEventDetails",
                Events.Data("input", execution.Input, ("roleArn", execution.Machine.RoleArn)));
            if (definition.TimeoutSeconds is { } limit)
            {
                executionTimeout = env.Time.CreateTimer(_ => execution.TryFinish(ExecutionStatus.TimedOut, "ExecutionTimedOut", "executionTimedOutEventDetails",
                    Events.Error(StatesErrors.Timeout, null), error: StatesErrors.Timeout), null, TimeSpan.FromSeconds(limit), Timeout.InfiniteTimeSpan);
            }
            var (output, failure) = await new StateGraphRunner(execution, env)
                .RunAsync(definition, JsonNode.Parse(execution.Input), execution.Stopping).ConfigureAwait(false);
            if (failure is not null)
            {
                execution.TryFinish(ExecutionStatus.Failed, "ExecutionFailed", "executionFailedEventDetails",
                    Events.Error(failure.Error, failure.Cause), error: NullIfEmpty(failure.Error), cause: failure.Cause);
                return;
            }
            var text = Events.Json(output);
            execution.TryFinish(ExecutionStatus.Succeeded, "ExecutionSucceeded", "executionSucceededEventDetails", Events.Data("output", text), output: text);
        }
        catch (OperationCanceledException) when (!execution.IsRunning)
        {
            // Stopped or timed out: the terminal event is already written.
        }
#pragma warning disable CA1031 // The runner is the last stop: any bug must end the execution as FAILED, never leave it RUNNING.
        catch (Exception e)
#pragma warning restore CA1031
        {
            env.Logger.LogError(e, "Execution {ExecutionArn} failed inside LocalCloud", execution.Arn);
            execution.TryFinish(ExecutionStatus.Failed, "ExecutionFailed", "executionFailedEventDetails",
                Events.Error(StatesErrors.Runtime, e.Message), error: StatesErrors.Runtime, cause: e.Message);
        }
        finally
        {
            if (executionTimeout is not null)
            {
                await executionTimeout.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void Emit(string type, string member, JsonObject details)
    {
        if (!execution.AddEvent(type, member, details))
        {
            throw new OperationCanceledException(execution.Stopping);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
