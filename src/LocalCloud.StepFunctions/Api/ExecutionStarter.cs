using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Operations;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Ports;

namespace LocalCloud.StepFunctions.Api;

/// <summary>The engine's way to start and stop nested executions: the StartExecution and StopExecution handlers, no second path to state.</summary>
internal sealed class ExecutionStarter(StepFunctionsBackend backend) : IExecutionStarter
{
    private readonly StartExecution _start = new(backend);
    private readonly StopExecution _stop = new(backend);

    public static void Connect(StepFunctionsBackend backend) => backend.Engine.Executions = new ExecutionStarter(backend);

    public async Task<(string ExecutionArn, DateTimeOffset StartDate)> StartAsync(string? stateMachineArn, string? name, string? input,
        RequestContext context, CancellationToken cancellationToken)
    {
        var started = await _start.HandleAsync(new StartExecutionRequest(stateMachineArn, name, input, null), context, cancellationToken).ConfigureAwait(false);
        return (started.ExecutionArn, started.StartDate);
    }

    public Execution? Find(string executionArn) => backend.Executions.Find(executionArn);

    public Task StopAsync(string executionArn, RequestContext context)
        => _stop.HandleAsync(new StopExecutionRequest(executionArn, null, null), context, CancellationToken.None);
}
