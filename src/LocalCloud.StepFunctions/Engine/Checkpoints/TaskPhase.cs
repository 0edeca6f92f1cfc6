namespace LocalCloud.StepFunctions.Engine.Checkpoints;

/// <summary>The last event a task wrote: what a restart must do next (start, invoke again, wait, or take the outcome).</summary>
public enum TaskPhase
{
    Scheduled,
    Started,
    Submitted,
    Closed,
}
