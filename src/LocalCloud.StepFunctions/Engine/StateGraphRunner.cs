using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Walks one graph of states (the machine itself, a Parallel branch or a Map iteration) from StartAt to
/// its end: each state evaluates itself, this class applies Retry and Catch and writes the state events.
/// </summary>
public sealed class StateGraphRunner(Execution execution, EngineEnvironment env)
{
    /// <summary>AWS's limit on a state's input or output: 256 KiB of UTF-8 (States.DataLimitExceeded above it).</summary>
    public const int MaxPayloadBytes = 262_144;

    private static readonly HashSet<string> AbortableTypes = new(StringComparer.Ordinal) { "Task", "Wait", "Map", "Parallel" };

    public Execution Execution => execution;

    /// <summary>Runs the graph; a failure no Catch handled comes back as data. Throws OperationCanceledException when stopped or aborted.</summary>
    public async Task<(JsonNode? Output, Failure? Failure)> RunAsync(StateMachineDefinition graph, JsonNode? input, CancellationToken cancellationToken)
    {
        var name = graph.StartAt;
        while (true)
        {
            var (outcome, failure) = await RunStateAsync(graph.States[name], input, cancellationToken).ConfigureAwait(false);
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

    private async Task<(StateOutcome? Outcome, Failure? Failure)> RunStateAsync(State state, JsonNode? input, CancellationToken cancellationToken)
    {
        Emit(state.Type + "StateEntered", "stateEnteredEventDetails", Events.Data("input", Events.Json(input), ("name", state.Name)));
        CountTransition();
        var entered = env.Time.GetUtcNow();
        var attempts = new int[state.Retriers.Count];
        var retryCount = 0;
        while (true)
        {
            var visit = new StateVisit(this, env, state, entered, retryCount);
            Failure failure;
            try
            {
                var outcome = await state.ExecuteAsync(visit, input, cancellationToken).ConfigureAwait(false);
                // Serialised once for both the size check and the exit event.
                var outputJson = Events.Json(outcome.Output);
                CheckSize(state, outputJson);
                if (state.WritesExitEvent)
                {
                    Exited(state, outputJson);
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
                    execution.AddEvent(state.Type + "StateAborted");
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
            Exited(state, output);
            return (new StateOutcome(output, handler.Next), null);
        }
    }

    private static void CheckSize(State state, string outputJson)
    {
        var bytes = Encoding.UTF8.GetByteCount(outputJson);
        if (bytes > MaxPayloadBytes)
        {
            throw new StatesFailureException(StatesErrors.DataLimitExceeded,
                $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }

    private static int FirstMatch(List<IReadOnlyList<string>> errorEquals, string error)
        => errorEquals.FindIndex(names => ErrorMatcher.Matches(names, error));

    private void Exited(State state, JsonNode? output) => Exited(state, Events.Json(output));

    private void Exited(State state, string outputJson)
        => Emit(state.Type + "StateExited", "stateExitedEventDetails", Events.Data("output", outputJson, ("name", state.Name)));

    /// <summary>AWS bills every state entered, retries included (https://aws.amazon.com/step-functions/pricing/).</summary>
    private void CountTransition() => env.Usage.Add("states", "StateTransitions", execution.Machine.Arn);

    public void Emit(string type, string? member = null, JsonObject? details = null)
    {
        if (!execution.AddEvent(type, member, details))
        {
            throw new OperationCanceledException(execution.Stopping);
        }
    }
}
