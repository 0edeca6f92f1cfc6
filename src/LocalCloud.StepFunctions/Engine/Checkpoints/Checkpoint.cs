namespace LocalCloud.StepFunctions.Engine.Checkpoints;

/// <summary>
/// Where the main path of a running execution stands. It is written in the same atomic write as the history
/// event that moved the execution there, so a restart continues right after the last event and writes none twice.
/// <see cref="Entered"/> null: <see cref="State"/> is the next state to enter, with <see cref="Input"/>; a null
/// State means the execution ends with Input as its output. Entered set: the state's …StateEntered event is
/// written; <see cref="RetryAt"/> says a retry waits until then, <see cref="Task"/> how far the attempt's task got.
/// <see cref="Variables"/> are the main path's workflow variables at that point (JSON object text, null when none).
/// Branches of Parallel and iterations of Map have no checkpoint: the state re-runs from its input.
/// </summary>
public sealed record Checkpoint(
    string? State,
    string Input,
    DateTimeOffset? Entered = null,
    int RetryCount = 0,
    IReadOnlyList<int>? Attempts = null,
    DateTimeOffset? RetryAt = null,
    TaskCheckpoint? Task = null,
    string? Variables = null,
    long EnteredEventId = 0)
{
    public int V { get; init; } = 1;
}
