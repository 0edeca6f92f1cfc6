using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Definition;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>What a state evaluates itself against: the data flow, the context object, time and task running.</summary>
public interface IStateScope
{
    IDataFlow DataFlow { get; }

    TimeProvider Time { get; }

    /// <summary>When the state was entered: a Wait's Seconds count from here, so a restart keeps its wake time.</summary>
    DateTimeOffset Entered { get; }

    /// <summary>The context object ($$) for this state visit; includes Task.Token once one was minted.</summary>
    JsonObject Context { get; }

    /// <summary>Mints the task token this visit's callback task will answer to ($$.Task.Token).</summary>
    string MintTaskToken();

    /// <summary>Waits on a timer (Wait state); the execution parks without holding a thread.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Runs the task's resource (history events, timeouts, tokens) and returns its result. Timeout paths read <paramref name="stateInput"/>.</summary>
    Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken);

    /// <summary>Appends a history event of the current state (ParallelStateStarted, MapIterationStarted…).</summary>
    void Emit(string type, string? member = null, JsonObject? details = null);

    /// <summary>Runs a sub-machine (a Parallel branch, a Map iteration) to its end; its unhandled failure is thrown.</summary>
    Task<JsonNode?> RunBranchAsync(StateMachineDefinition branch, JsonNode? input, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="count"/> concurrent strands and completes when all of them have ended.</summary>
    Task RunStrandsAsync(int count, Func<int, Task> body);
}
