using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Mocks;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// The runner a mocked Task uses instead of its integration's: its call answers with the test case's next response for
/// the state, so <see cref="TaskAttempt"/> writes the same events with the mocked values (Step Functions Local records
/// TaskScheduled, TaskStarted and TaskSucceeded/TaskFailed for a mocked task). "A mocked Task will never call the service
/// endpoint", so any service integration can be mocked, even one LocalCloud does not run. A .waitForTaskToken task gets
/// its token as usual and is answered by the mock at once: "Step Functions Local will automatically generate a task token
/// when you mock a Task using the .waitForTaskToken" (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html).
/// </summary>
internal sealed class MockedTaskCall(MockedResponse answer, TaskHistoryDialect dialect, string? token) : ITaskRunner
{
    /// <summary>Null when the execution runs no test case, or its test case leaves this state to the real integration.</summary>
    public static (ITaskRunner Runner, TaskResource Resource)? Resolve(Execution execution, string stateName, string resource, string? token, TaskRunners runners)
    {
        if (execution.Mocked is null || TaskResource.Parse(resource) is not { } parsed || execution.Mocked.Next(stateName) is not { } answer)
        {
            return null;
        }
        TaskHistoryDialect dialect;
        try
        {
            dialect = runners.Resolve(resource).Runner.Dialect;
        }
        catch (StatesFailureException)
        {
            // An integration LocalCloud does not run: every optimized integration writes Task* events.
            dialect = TaskHistoryDialect.Task;
        }
        return (new MockedTaskCall(answer, dialect, token), parsed);
    }

    public TaskHistoryDialect Dialect => dialect;

    public bool Runs(TaskResource resource) => true;

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        TaskOutcome outcome = answer.Throw is { } failure ? new TaskOutcome.Failed(failure) : new TaskOutcome.Succeeded(Events.Json(answer.Return));
        var callback = resource.Pattern == IntegrationPattern.WaitForTaskToken;
        return _ =>
        {
            // A callback's call only submits; the mocked answer is also its callback, closing the task as SendTaskSuccess would.
            if (callback && outcome is TaskOutcome.Succeeded && env.Tokens.Find(token).Task is { } open)
            {
                open.TryClose(outcome);
            }
            return Task.FromResult(outcome);
        };
    }
}
