using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.Variables;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>What a state evaluates itself against: the context object, the variables, time and task running.</summary>
public interface IStateScope
{
    TimeProvider Time { get; }

    /// <summary>The state being visited (error causes name it).</summary>
    string StateName { get; }

    /// <summary>The id of this visit's …StateEntered event (AWS's evaluation-error causes cite it).</summary>
    long EnteredEventId { get; }

    /// <summary>When the state was entered: a Wait's Seconds count from here, so a restart keeps its wake time.</summary>
    DateTimeOffset Entered { get; }

    /// <summary>The context object ($$, $states.context) for this state visit; includes Task.Token once one was minted.</summary>
    JsonObject Context { get; }

    /// <summary>The workflow variables as they were when the state was entered.</summary>
    IVariables Variables { get; }

    /// <summary>Mints the task token this visit's callback task will answer to ($$.Task.Token).</summary>
    string MintTaskToken();

    /// <summary>Waits on a timer (Wait state); the execution parks without holding a thread.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Runs the task's resource (history events, timeouts, tokens) and returns its result. Timeout paths read <paramref name="stateInput"/>.</summary>
    Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken);

    /// <summary>Appends a history event of the current state (ParallelStateStarted, MapIterationStarted…).</summary>
    void Emit(string type, string? member = null, JsonObject? details = null);

    /// <summary>As above, with details built only if the event is read: most events never are, one by one.</summary>
    void Emit(string type, string member, Func<JsonObject> details) => Emit(type, member, details());

    /// <summary>Runs a sub-machine (a Parallel branch, a Map iteration) to its end in a variable scope of its own; its unhandled failure is thrown.</summary>
    Task<JsonNode?> RunBranchAsync(StateMachineDefinition branch, JsonNode? input, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="count"/> concurrent strands and completes when all of them have ended.</summary>
    Task RunStrandsAsync(int count, Func<int, Task> body);

    /// <summary>
    /// After RedriveExecution, the Map or Parallel state it restarts at gets the outputs (JSON text, by index) of the
    /// iterations or branches that had succeeded (empty when none had), once; null everywhere else.
    /// </summary>
    IReadOnlyDictionary<int, string>? TakeRedrivenChildren() => null;

    /// <summary>An iteration or branch ended: remembered on the execution's main path so a redrive re-runs only the unsuccessful ones.</summary>
    void ChildEnded(int index, JsonNode? output, bool succeeded)
    {
    }

    /// <summary>A Distributed Map's Map Run: each input runs as a child execution; returns their outputs in input order.</summary>
    Task<JsonNode?[]> RunMapRunAsync(MapRunSpec spec, CancellationToken cancellationToken)
        => Task.FromException<JsonNode?[]>(new StatesFailureException(StatesErrors.Runtime, "A Distributed Map runs only inside an execution."));
}
