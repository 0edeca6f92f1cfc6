namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// The events of one line of work: the execution's own path, one Parallel branch or one Map worker. AWS links each
/// history event to the previous event of the same branch or iteration (<c>previousEventId</c>), not to the previous
/// event of the execution, and tools rebuild branches and iterations from that chain (the LocalCloud console does).
/// The lane flows with the async code that runs the branch, so an event written by it chains without being told.
/// An event written from outside any lane (StopExecution's ExecutionAborted, a redrive) follows the one before it.
/// </summary>
internal sealed class EventLane
{
    private static readonly AsyncLocal<EventLane?> Lane = new();

    private EventLane(long last) => Last = last;

    /// <summary>The id of the newest event written in this lane.</summary>
    public long Last { get; set; }

    public static EventLane? Current => Lane.Value;

    /// <summary>Starts a lane for the code that runs from here (and only for it: an async caller keeps its own).</summary>
    public static void Begin(long after) => Lane.Value = new EventLane(after);
}
