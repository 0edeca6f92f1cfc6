using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Checkpoints;

/// <summary>
/// A running execution found in the store: its checkpoint, and the task it waited on, re-opened when the
/// store was loaded so its token answers callbacks before the runner gets there.
/// </summary>
public sealed record ResumePoint(Checkpoint Checkpoint, OpenTask? Task);
