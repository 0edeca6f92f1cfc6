using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// One integration: what a Task state's Resource calls. <see cref="TaskAttempt"/> does everything the integrations
/// share (timeouts, the task token, history events in the runner's <see cref="Dialect"/>, the integration pattern,
/// checkpoints); a runner only makes its call. Registered in <see cref="TaskRunners"/>.
/// </summary>
public interface ITaskRunner
{
    /// <summary>Whether it runs this resource with its pattern; the first runner that does is used.</summary>
    bool Runs(TaskResource resource);

    /// <summary>Which history events the task writes.</summary>
    TaskHistoryDialect Dialect { get; }

    /// <summary>
    /// Checks the effective parameters before any task event is written (a States.Runtime thrown here fails the state
    /// with no task events) and returns the call. The call's outcome is the result for request-response, and the
    /// TaskSubmitted output (or the failure) for .waitForTaskToken.
    /// </summary>
    Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution);
}
