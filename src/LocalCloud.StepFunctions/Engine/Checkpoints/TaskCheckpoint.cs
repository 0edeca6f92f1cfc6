namespace LocalCloud.StepFunctions.Engine.Checkpoints;

/// <summary>
/// How far the current attempt's task got. <see cref="Parameters"/> is the effective input its Scheduled event
/// shows; deadlines are absolute so a restart re-arms timers with what was left of them.
/// </summary>
public sealed record TaskCheckpoint(
    TaskPhase Phase,
    string? Token,
    string Parameters,
    DateTimeOffset? TimeoutAt = null,
    DateTimeOffset? HeartbeatAt = null,
    long? HeartbeatSeconds = null,
    TaskOutcomeRecord? Outcome = null);
