using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Walks one graph of states (the machine itself, a Parallel branch or a Map iteration) from StartAt to
/// its end: each state evaluates itself, this class applies Retry and Catch and writes the state events.
/// On the main path of a durable execution each event that moves the path carries a <see cref="Checkpoint"/>.
/// </summary>
public sealed class StateGraphRunner(Execution execution, EngineEnvironment env)
{
    private static readonly HashSet<string> AbortableTypes = new(StringComparer.Ordinal) { "Task", "Wait", "Map", "Parallel" };

    public Execution Execution => execution;

    /// <summary>Runs the graph; a failure no Catch handled comes back as data. Throws OperationCanceledException when stopped or aborted.</summary>
    public Task<(JsonNode? Output, Failure? Failure)> RunAsync(StateMachineDefinition graph, JsonNode? input, CancellationToken cancellationToken)
        => RunFromAsync(graph, graph.StartAt, input, null, journaled: false, cancellationToken);

    /// <summary>The execution's own path: checkpointed when the store is durable, and continued from <paramref name="resume"/> after a restart.</summary>
    public Task<(JsonNode? Output, Failure? Failure)> RunMainAsync(StateMachineDefinition graph, JsonNode? input, ResumePoint? resume, CancellationToken cancellationToken)
    {
        var journaled = execution.Journal is not null;
        if (resume is null)
        {
            return RunFromAsync(graph, graph.StartAt, input, null, journaled, cancellationToken);
        }
        var at = resume.Checkpoint;
        return at.State is null
            ? Task.FromResult<(JsonNode?, Failure?)>((JsonNode.Parse(at.Input), null))
            : RunFromAsync(graph, at.State, JsonNode.Parse(at.Input), resume, journaled, cancellationToken);
    }

    private async Task<(JsonNode? Output, Failure? Failure)> RunFromAsync(
        StateMachineDefinition graph, string name, JsonNode? input, ResumePoint? resume, bool journaled, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (outcome, failure) = await RunStateAsync(graph.States[name], input, resume, journaled, cancellationToken).ConfigureAwait(false);
            resume = null;
            if (failure is not null)
            {
                return (null, failure);
            }
            if (outcome!.Next is null)
            {
                return (outcome.Output, null);
            }
            name = outcome.Next;
            input = outcome.Output;
        }
    }

    private async Task<(StateOutcome? Outcome, Failure? Failure)> RunStateAsync(
        State state, JsonNode? input, ResumePoint? resume, bool journaled, CancellationToken cancellationToken)
    {
        DateTimeOffset entered;
        int[] attempts;
        var retryCount = 0;
        string inputJson;
        if (resume?.Checkpoint is { Entered: { } resumedEntered } at)
        {
            // The Entered event is in history already; the attempt goes on where the checkpoint says.
            entered = resumedEntered;
            inputJson = at.Input;
            retryCount = at.RetryCount;
            attempts = at.Attempts?.ToArray() ?? new int[state.Retriers.Count];
            if (at.RetryAt is { } retryAt)
            {
                var left = retryAt - env.Time.GetUtcNow();
                await new StateVisit(this, env, state, entered, retryCount).DelayAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                retryCount++;
                CountTransition();
                resume = null;
            }
        }
        else
        {
            resume = null;
            entered = env.Time.GetUtcNow();
            attempts = new int[state.Retriers.Count];
            inputJson = Events.Json(input);
            execution.Append(state.Type + "StateEntered", "stateEnteredEventDetails", Events.Data("input", inputJson, ("name", state.Name)),
                journaled ? new Checkpoint(state.Name, inputJson, entered, 0, attempts.ToArray()) : null);
            CountTransition();
        }
        while (true)
        {
            var position = journaled ? new Checkpoint(state.Name, inputJson, entered, retryCount, attempts.ToArray()) : null;
            var visit = new StateVisit(this, env, state, entered, retryCount, position, resume);
            resume = null;
            Failure failure;
            try
            {
                var outcome = await state.ExecuteAsync(visit, input, cancellationToken).ConfigureAwait(false);
                // Serialised once for the size check, the exit event and its checkpoint.
                var outputJson = Events.Json(outcome.Output);
                CheckSize(state, outputJson);
                if (state.WritesExitEvent)
                {
                    Exited(state, outputJson, outcome.Next, journaled);
                }
                return (outcome, null);
            }
            catch (StatesFailureException e)
            {
                failure = e.Failure;
            }
            catch (OperationCanceledException) when (execution.IsRunning && cancellationToken.IsCancellationRequested)
            {
                if (AbortableTypes.Contains(state.Type))
                {
                    execution.Append(state.Type + "StateAborted");
                }
                throw;
            }
            if (!execution.IsRunning)
            {
                throw new OperationCanceledException(execution.Stopping);
            }
            cancellationToken.ThrowIfCancellationRequested();
            var retry = FirstMatch(state.Retriers.Select(r => r.ErrorEquals).ToList(), failure.Error);
            if (retry >= 0 && attempts[retry] < state.Retriers[retry].MaxAttempts)
            {
                attempts[retry]++;
                var delay = state.Retriers[retry].DelayFor(attempts[retry], Random.Shared.NextDouble);
                if (position is not null)
                {
                    execution.SaveCheckpoint(position with { Attempts = attempts.ToArray(), RetryAt = env.Time.GetUtcNow() + delay });
                }
                await visit.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
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
            Exited(state, Events.Json(output), handler.Next, journaled);
            return (new StateOutcome(output, handler.Next), null);
        }
    }

    private static void CheckSize(State state, string outputJson)
    {
        var bytes = Encoding.UTF8.GetByteCount(outputJson);
        if (bytes > StepFunctionsLimits.MaxPayloadBytes)
        {
            throw new StatesFailureException(StatesErrors.DataLimitExceeded,
                $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }

    private static int FirstMatch(List<IReadOnlyList<string>> errorEquals, string error)
        => errorEquals.FindIndex(names => ErrorMatcher.Matches(names, error));

    /// <summary>On the main path the exit's checkpoint names the next state (none: the execution ends with this output).</summary>
    private void Exited(State state, string outputJson, string? next, bool journaled)
        => execution.Append(state.Type + "StateExited", "stateExitedEventDetails", Events.Data("output", outputJson, ("name", state.Name)),
            journaled ? new Checkpoint(next, outputJson) : null);

    /// <summary>AWS bills every state entered, retries included (https://aws.amazon.com/step-functions/pricing/).</summary>
    private void CountTransition() => env.Usage.Add("states", "StateTransitions", execution.Machine.Arn);
}
