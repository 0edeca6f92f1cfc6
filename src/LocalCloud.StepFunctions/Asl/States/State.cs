using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>One ASL state: parsed once, evaluated by each visit against an <see cref="IStateScope"/>.</summary>
public abstract class State(string name, string? next, StateDataFields data)
{
    public string Name { get; } = name;

    public string? Next { get; } = next;

    public StateDataFields Data { get; } = data;

    /// <summary>The ASL "Type", which is also the prefix of its history events (PassStateEntered…).</summary>
    public abstract string Type { get; }

    public virtual IReadOnlyList<Retrier> Retriers => [];

    public virtual IReadOnlyList<Catcher> Catchers => [];

    /// <summary>Fail writes no "…StateExited" event; every other state does.</summary>
    public virtual bool WritesExitEvent => true;

    public abstract Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken);
}
