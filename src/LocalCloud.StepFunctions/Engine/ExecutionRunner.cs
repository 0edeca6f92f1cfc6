using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Drives an execution from StartAt to its end as a chain of async steps: no thread is held while it
/// waits (timers and callbacks resume it), and the steps of one execution run one after another.
/// After a restart it continues from the stored <see cref="ResumePoint"/> instead of starting over.
/// </summary>
public sealed class ExecutionRunner(Execution execution, EngineEnvironment env)
{
    public async Task RunAsync(ResumePoint? resume = null)
    {
        var definition = execution.Machine.Definition;
        EventLane.Begin(execution.LastEventId);
        ITimer? executionTimeout = null;
        try
        {
            if (resume is null)
            {
                execution.Append("ExecutionStarted", "executionStartedEventDetails",
                    Events.Data("input", execution.Input, ("roleArn", execution.Machine.RoleArn)),
                    execution.Journal is null ? null : new Checkpoint(definition.StartAt, execution.Input));
            }
            if (Express.ExpressRules.TimeoutSeconds(execution.Type, definition) is { } limit)
            {
                // Counted from the start date (or the last redrive), so a restart keeps the deadline (a passed one fires at once).
                var left = execution.DeadlineFrom.AddSeconds(limit) - env.Time.GetUtcNow();
                executionTimeout = env.Time.CreateTimer(_ => execution.TimeOut(), null, left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
            var (output, failure) = await new StateGraphRunner(execution, env)
                .RunMainAsync(definition, JsonNode.Parse(execution.Input), resume, execution.Stopping).ConfigureAwait(false);
            if (failure is not null)
            {
                execution.Fail(failure.Error, failure.Cause);
                return;
            }
            execution.Succeed(Events.Json(output));
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
            execution.Fail(StatesErrors.Runtime, e.Message);
        }
        finally
        {
            if (executionTimeout is not null)
            {
                await executionTimeout.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
