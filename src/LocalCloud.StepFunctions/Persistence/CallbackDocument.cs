using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// What a client told the waiting task of a running execution, kept before the call answered: the deadline a
/// SendTaskHeartbeat moved, or the SendTaskSuccess/SendTaskFailure outcome the runner had not written yet.
/// Applies only while the checkpoint's task has the same <see cref="Token"/>.
/// </summary>
public sealed record CallbackDocument(string Token, DateTimeOffset? HeartbeatAt, TaskOutcomeRecord? Outcome)
{
    public int V { get; init; } = 1;
}
