using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// A runner whose ".sync" call starts a job and whose result is the job's end. <see cref="TaskAttempt"/> writes the
/// call's outcome as TaskSubmitted, then hands the open task to <see cref="WaitAsync"/>. After a restart it calls
/// <see cref="WaitAsync"/> again with the TaskSubmitted output history holds, so the job is not started twice.
/// </summary>
public interface IWaitingTaskRunner : ITaskRunner
{
    /// <summary>
    /// Waits for the job <paramref name="submitted"/> (the call's output) to end and closes <paramref name="open"/> with
    /// the task's outcome, unless something closed it first (a timeout, a stop, a sibling branch's failure). It must
    /// do what keeps the execution busy before its first await: the caller parks the execution right after.
    /// </summary>
    Task WaitAsync(TaskResource resource, string submitted, EngineEnvironment env, Execution execution, OpenTask open);
}
