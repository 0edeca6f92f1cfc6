using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>One ASL state: parsed once, evaluated by each visit against an <see cref="IStateScope"/>.</summary>
public abstract class State(string name, string? next, StateIo io)
{
    public string Name { get; } = name;

    public string? Next { get; } = next;

    /// <summary>How the state moves data, in its query language.</summary>
    public StateIo Io { get; } = io;

    /// <summary>The ASL "Type", which is also the prefix of its history events (PassStateEntered…).</summary>
    public abstract string Type { get; }

    /// <summary>"PassStateEntered"…: named once per state, not on every visit.</summary>
    public string EnteredEventType => field ??= Type + "StateEntered";

    /// <summary>"PassStateExited"….</summary>
    public string ExitedEventType => field ??= Type + "StateExited";

    public virtual IReadOnlyList<Retrier> Retriers => [];

    public virtual IReadOnlyList<Catcher> Catchers => [];

    /// <summary>Fail writes no "…StateExited" event; every other state does.</summary>
    public virtual bool WritesExitEvent => true;

    public abstract Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken);

    /// <summary>The usual ending: output and assignments from <see cref="Io"/>, then <see cref="Next"/>.</summary>
    protected StateOutcome Finish(IStateScope scope, JsonNode? rawInput, JsonNode? value, ResultKind kind)
    {
        var exit = Io.Finish(scope, rawInput, value, kind);
        return new StateOutcome(exit.Output, Next, exit.Assigned);
    }
}
