using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Engine.Checkpoints;

/// <summary>A task's outcome as stored: the closing event's data, or a callback acknowledged before that event was written.</summary>
public sealed record TaskOutcomeRecord(string Kind, string? Output = null, string? Error = null, string? Cause = null)
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string TimedOut = "TimedOut";

    /// <summary>Null for an abort: an aborted task never continues, so there is nothing to keep.</summary>
    public static TaskOutcomeRecord? From(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded s => new(Succeeded, s.Output),
        TaskOutcome.Failed f => new(Failed, null, f.Failure.Error, f.Failure.Cause),
        TaskOutcome.TimedOut t => new(TimedOut, null, t.Failure.Error, t.Failure.Cause),
        _ => null,
    };

    public TaskOutcome ToOutcome() => Kind switch
    {
        Succeeded => new TaskOutcome.Succeeded(Output ?? "null"),
        TimedOut => new TaskOutcome.TimedOut(new Failure(Error ?? string.Empty, Cause)),
        _ => new TaskOutcome.Failed(new Failure(Error ?? string.Empty, Cause)),
    };

    /// <summary>The task's result as the state sees it: the output, or the failure thrown for Retry and Catch.</summary>
    public JsonNode? Result() => Kind == Succeeded
        ? JsonNode.Parse(Output ?? "null")
        : throw new StatesFailureException(Error ?? string.Empty, Cause);
}
