using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.States;
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
            var input = JsonNode.Parse(execution.Input);
            var name = definition.StartAt;
            while (true)
            {
                var (outcome, failure) = await RunStateAsync(definition.States[name], input).ConfigureAwait(false);
                if (failure is not null)
                {
                    execution.TryFinish(ExecutionStatus.Failed, "ExecutionFailed", "executionFailedEventDetails",
                        Events.Error(failure.Error, failure.Cause), error: NullIfEmpty(failure.Error), cause: failure.Cause);
                    return;
                }
                if (outcome!.Next is null)
                {
                    var output = Events.Json(outcome.Output);
                    execution.TryFinish(ExecutionStatus.Succeeded, "ExecutionSucceeded", "executionSucceededEventDetails", Events.Data("output", output), output: output);
                    return;
                }
                name = outcome.Next;
                input = outcome.Output;
            }
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

    private async Task<(StateOutcome? Outcome, Failure? Failure)> RunStateAsync(State state, JsonNode? input)
    {
        Emit(state.Type + "StateEntered", "stateEnteredEventDetails", Events.Data("input", Events.Json(input), ("name", state.Name)));
        CountTransition();
        var entered = env.Time.GetUtcNow();
        var attempts = new int[state.Retriers.Count];
        var retryCount = 0;
        while (true)
        {
            var visit = new StateVisit(execution, env, state, entered, retryCount);
            Failure failure;
            try
            {
                var outcome = await state.ExecuteAsync(visit, input, execution.Stopping).ConfigureAwait(false);
                if (state.WritesExitEvent)
                {
                    Exited(state, outcome.Output);
                }
                return (outcome, null);
            }
            catch (StatesFailureException e)
            {
                failure = e.Failure;
            }
            if (!execution.IsRunning)
            {
                throw new OperationCanceledException(execution.Stopping);
            }
            var retry = FirstMatch(state.Retriers.Select(r => r.ErrorEquals).ToList(), failure.Error);
            if (retry >= 0 && attempts[retry] < state.Retriers[retry].MaxAttempts)
            {
                attempts[retry]++;
                var delay = state.Retriers[retry].DelayFor(attempts[retry], Random.Shared.NextDouble);
                await visit.DelayAsync(delay, execution.Stopping).ConfigureAwait(false);
                retryCount++;
                CountTransition();
                continue;
            }
            var catcher = FirstMatch(state.Catchers.Select(c => c.ErrorEquals).ToList(), failure.Error);
            if (catcher < 0)
            {
                return (null, failure);
            }
            // AWS always gives a caught error both fields; States.Timeout, which has no cause, arrives as
            // {"Error":"States.Timeout","Cause":""} (seen in real execution logs, aws-samples/serverless-coffee-workshop#15),
            // so a CausePath on it selects an empty string rather than failing.
            var errorOutput = new JsonObject { ["Error"] = failure.Error, ["Cause"] = failure.Cause ?? string.Empty };
            var handler = state.Catchers[catcher];
            JsonNode? output;
            try
            {
                output = handler.ResultPath is null ? input?.DeepClone() : handler.ResultPath.Apply(input, errorOutput);
            }
            catch (StatesFailureException e)
            {
                return (null, e.Failure);
            }
            Exited(state, output);
            return (new StateOutcome(output, handler.Next), null);
        }
    }

    private static int FirstMatch(List<IReadOnlyList<string>> errorEquals, string error)
        => errorEquals.FindIndex(names => ErrorMatcher.Matches(names, error));

    private void Exited(State state, JsonNode? output)
        => Emit(state.Type + "StateExited", "stateExitedEventDetails", Events.Data("output", Events.Json(output), ("name", state.Name)));

    /// <summary>AWS bills every state entered, retries included (https://aws.amazon.com/step-functions/pricing/).</summary>
    private void CountTransition() => env.Usage.Add("states", "StateTransitions", execution.Machine.Arn);

    private void Emit(string type, string member, JsonObject details)
    {
        if (!execution.AddEvent(type, member, details))
        {
            throw new OperationCanceledException(execution.Stopping);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
