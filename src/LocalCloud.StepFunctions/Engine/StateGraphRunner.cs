using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Asl.Variables;
using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Walks one graph of states (the machine itself, a Parallel branch or a Map iteration) from StartAt to
/// its end: each state evaluates itself, this class applies Retry and Catch, lands the variables a state assigns when
/// it exits, and writes the state events. Each graph run has a <see cref="VariableScope"/> of its own.
/// On the main path of a durable execution each event that moves the path carries a <see cref="Checkpoint"/>.
/// </summary>
public sealed class StateGraphRunner(Execution execution, EngineEnvironment env)
{
    private static readonly HashSet<string> AbortableTypes = new(StringComparer.Ordinal) { "Task", "Wait", "Map", "Parallel" };

    public Execution Execution => execution;

    /// <summary>Runs the graph; a failure no Catch handled comes back as data. Throws OperationCanceledException when stopped or aborted.</summary>
    public Task<(JsonNode? Output, Failure? Failure)> RunAsync(StateMachineDefinition graph, JsonNode? input, VariableScope variables, CancellationToken cancellationToken)
        => RunFromAsync(graph, graph.StartAt, input, null, journaled: false, variables, cancellationToken);

    /// <summary>The execution's own path: checkpointed when the store is durable, and continued from <paramref name="resume"/> after a restart.</summary>
    public Task<(JsonNode? Output, Failure? Failure)> RunMainAsync(StateMachineDefinition graph, JsonNode? input, ResumePoint? resume, CancellationToken cancellationToken)
    {
        var journaled = execution.Journal is not null;
        if (resume is null)
        {
            return RunFromAsync(graph, graph.StartAt, input, null, journaled, new VariableScope(), cancellationToken, main: true);
        }
        var at = resume.Checkpoint;
        return at.State is null
            ? Task.FromResult<(JsonNode?, Failure?)>((JsonNode.Parse(at.Input), null))
            : RunFromAsync(graph, at.State, JsonNode.Parse(at.Input), resume, journaled, VariableScope.FromJson(at.Variables), cancellationToken, main: true);
    }

    private async Task<(JsonNode? Output, Failure? Failure)> RunFromAsync(
        StateMachineDefinition graph, string name, JsonNode? input, ResumePoint? resume, bool journaled, VariableScope variables, CancellationToken cancellationToken,
        bool main = false)
    {
        // The JSON text of the input when it is known already: a state's input is the previous state's output, which
        // was serialised for its exit event and has not changed since (inputs are never changed).
        string? inputText = null;
        while (true)
        {
            if (main)
            {
                // Where a redrive restarts if the execution ends in this state.
                execution.EnteredOnMainPath(name, input, variables);
            }
            var (outcome, failure, outputText) = await RunStateAsync(graph.States[name], input, inputText, resume, journaled, variables, cancellationToken, main).ConfigureAwait(false);
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
            inputText = outputText;
        }
    }

    private async Task<(StateOutcome? Outcome, Failure? Failure, string? OutputText)> RunStateAsync(
        State state, JsonNode? input, string? knownInputText, ResumePoint? resume, bool journaled, VariableScope variables, CancellationToken cancellationToken, bool main = false)
    {
        DateTimeOffset entered;
        long enteredId;
        int[] attempts;
        var retryCount = 0;
        string inputJson;
        if (resume?.Checkpoint is { Entered: { } resumedEntered } at)
        {
            // The Entered event is in history already; the attempt goes on where the checkpoint says.
            entered = resumedEntered;
            enteredId = at.EnteredEventId;
            inputJson = at.Input;
            retryCount = at.RetryCount;
            attempts = at.Attempts?.ToArray() ?? new int[state.Retriers.Count];
            if (at.RetryAt is { } retryAt)
            {
                var left = retryAt - env.Time.GetUtcNow();
                await new StateVisit(this, env, state, entered, enteredId, retryCount, variables).DelayAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
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
            inputJson = knownInputText ?? Events.Json(input);
            // The checkpoint written with the event names the event's id: only the main path writes checkpoints, and
            // nothing else appends while it enters a state.
            var checkpoint = journaled
                ? new Checkpoint(state.Name, inputJson, entered, 0, attempts.ToArray(), Variables: variables.ToJson(), EnteredEventId: execution.LastEventId + 1)
                : null;
            enteredId = execution.Append(state.EnteredEventType, "stateEnteredEventDetails", EventDetails.State(state.Name, "input", inputJson), checkpoint);
            CountTransition();
        }
        while (true)
        {
            var position = journaled
                ? new Checkpoint(state.Name, inputJson, entered, retryCount, attempts.ToArray(), Variables: variables.ToJson(), EnteredEventId: enteredId)
                : null;
            var visit = new StateVisit(this, env, state, entered, enteredId, retryCount, variables, position, resume) { IsMain = main };
            resume = null;
            Failure failure;
            try
            {
                var outcome = await state.ExecuteAsync(visit, input, cancellationToken).ConfigureAwait(false);
                // Serialised once for the size check, the exit event and its checkpoint.
                var outputJson = Events.Json(outcome.Output);
                CheckSize(state, outputJson);
                Land(variables, outcome.Assigned, state.Name);
                if (state.WritesExitEvent)
                {
                    Exited(state, outputJson, outcome.Next, outcome.Assigned, variables, journaled);
                }
                return (outcome, null, outputJson);
            }
            catch (StatesFailureException e)
            {
                failure = e.Failure;
                EvaluationFailed(state, e);
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
            var retry = ErrorMatcher.FirstMatch(state.Retriers.Select(r => r.ErrorEquals), failure.Error);
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
            var catcher = ErrorMatcher.FirstMatch(state.Catchers.Select(c => c.ErrorEquals), failure.Error);
            if (catcher < 0)
            {
                return (null, failure, null);
            }
            // AWS always gives a caught error both fields; States.Timeout, which has no cause, arrives as
            // {"Error":"States.Timeout","Cause":""} (seen in real execution logs, aws-samples/serverless-coffee-workshop#15),
            // so a CausePath on it selects an empty string rather than failing.
            var errorOutput = new JsonObject { ["Error"] = failure.Error, ["Cause"] = failure.Cause ?? string.Empty };
            var handler = state.Catchers[catcher];
            StateExit caught;
            try
            {
                caught = handler.Io.Finish(visit, input, errorOutput, ResultKind.ErrorOutput);
                Land(variables, caught.Assigned, state.Name);
            }
            catch (StatesFailureException e)
            {
                EvaluationFailed(state, e);
                return (null, e.Failure, null);
            }
            var caughtJson = Events.Json(caught.Output);
            Exited(state, caughtJson, handler.Next, caught.Assigned, variables, journaled);
            return (new StateOutcome(caught.Output, handler.Next, caught.Assigned), null, caughtJson);
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

    private static void Land(VariableScope variables, IReadOnlyDictionary<string, JsonNode?>? assigned, string stateName)
    {
        if (assigned is { Count: > 0 })
        {
            variables.Assign(assigned, stateName);
        }
    }

    /// <summary>
    /// On the main path the exit's checkpoint names the next state (none: the execution ends with this output) and the
    /// variables as they now are. The event lists what the state assigned, each value as JSON text, as AWS does.
    /// </summary>
    private void Exited(State state, string outputJson, string? next, IReadOnlyDictionary<string, JsonNode?>? assigned, VariableScope variables, bool journaled)
    {
        var checkpoint = journaled ? new Checkpoint(next, outputJson, Variables: variables.ToJson()) : null;
        if (assigned is not { Count: > 0 })
        {
            execution.Append(state.ExitedEventType, "stateExitedEventDetails", EventDetails.State(state.Name, "output", outputJson), checkpoint);
            return;
        }
        var details = Events.Data("output", outputJson, ("name", state.Name));
        var values = new JsonObject();
        foreach (var (name, value) in assigned)
        {
            values[name] = Events.Json(value);
        }
        details["assignedVariables"] = values;
        details["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        execution.Append(state.ExitedEventType, "stateExitedEventDetails", details, checkpoint);
    }

    /// <summary>A JSONata expression that failed writes EvaluationFailed before the failure goes to Retry and Catch.</summary>
    private void EvaluationFailed(State state, StatesFailureException e)
    {
        if (e.EvaluationLocation is { } location)
        {
            execution.Append("EvaluationFailed", "evaluationFailedEventDetails", Events.Error(e.Failure.Error, e.Failure.Cause, ("location", location), ("state", state.Name)));
        }
    }

    /// <summary>AWS bills every state entered, retries included (https://aws.amazon.com/step-functions/pricing/).</summary>
    private void CountTransition() => env.Usage.Add("states", "StateTransitions", execution.Machine.Arn);
}
