using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Ports;

/// <summary>
/// How the states:startExecution integration starts a child workflow: through the StartExecution operation itself
/// (same validation, same errors, same journal), so a nested execution is an execution like any other.
/// </summary>
public interface IExecutionStarter
{
    /// <summary>Starts <paramref name="stateMachineArn"/> as StartExecution does; its errors are thrown as <see cref="AwsServiceException"/>.</summary>
    Task<(string ExecutionArn, DateTimeOffset StartDate)> StartAsync(string? stateMachineArn, string? name, string? input,
        RequestContext context, CancellationToken cancellationToken);

    /// <summary>The execution behind <paramref name="executionArn"/> (after a restart too), or null once retention forgot it.</summary>
    Execution? Find(string executionArn);

    /// <summary>Stops a child as StopExecution does (the task that waited on it was stopped).</summary>
    Task StopAsync(string executionArn, RequestContext context);
}
