using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// A history event's details kept as their parts and built as JSON each time they are read. Most events of a run
/// are never read one by one (a history is read whole, if at all, and then copied), and a JsonObject per event, with
/// the ordered dictionary under it, was the larger part of what the engine allocated per state transition.
/// </summary>
public abstract class EventDetails
{
    /// <summary>A new object on every call, so a reader may keep or change it.</summary>
    public abstract JsonObject ToJson();

    /// <summary>{name, input|output, inputDetails|outputDetails}: a StateEntered's or StateExited's details.</summary>
    public static EventDetails State(string name, string field, string json) => new StateData(name, field, json);

    /// <summary>Details an <see cref="Asl.States.IStateScope"/> caller describes with a builder (Map iterations).</summary>
    public static EventDetails Deferred(Func<JsonObject> build) => new DeferredData(build);

    private sealed class StateData(string name, string field, string json) : EventDetails
    {
        public override JsonObject ToJson() => Events.Data(field, json, ("name", name));
    }

    private sealed class DeferredData(Func<JsonObject> build) : EventDetails
    {
        public override JsonObject ToJson() => build();
    }
}
