namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// A runner whose ".sync" call starts a job and whose result is the job's end. <see cref="TaskAttempt"/> writes the
/// call's outcome as TaskSubmitted, then closes the task with what <see cref="WaitAsync"/> returns. After a restart it
/// calls <see cref="WaitAsync"/> again with the TaskSubmitted output history holds, so the job is not started twice.
/// </summary>
public interface IWaitingTaskRunner : ITaskRunner
{
    /// <summary>
    /// Waits for the job <paramref name="submitted"/> (the call's output) to end and returns the task's outcome, or
    /// null once <paramref name="closed"/> completes first (a timeout, a stop, a sibling branch's failure).
    /// </summary>
    Task<TaskOutcome?> WaitAsync(TaskResource resource, string submitted, EngineEnvironment env, Execution execution, Task<TaskOutcome> closed);
}
