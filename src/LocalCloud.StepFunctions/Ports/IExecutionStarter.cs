using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Ports;

/// <summary>
/// How the states:startExecution integration starts a child workflow: through the StartExecution operation itself
/// (same validation, same errors, same journal), so a nested execution is an execution like any other.
/// </summary>
public interface IExecutionStarter
{
    /// <summary>
    /// Starts <paramref name="stateMachineArn"/> and returns the execution (null for an Express machine, whose
    /// executions the registry does not keep). A StartExecution error is thrown as <see cref="AwsServiceException"/>.
    /// </summary>
    Task<(string ExecutionArn, DateTimeOffset StartDate, Execution? Execution)> StartAsync(string? stateMachineArn, string? name, string? input,
        RequestContext context, CancellationToken cancellationToken);

    /// <summary>The execution behind <paramref name="executionArn"/>, after a restart too.</summary>
    Execution? Find(string executionArn);

    /// <summary>Stops a child as StopExecution does (the parent that waited on it was stopped).</summary>
    void StopChild(string executionArn, RequestContext context);
}
