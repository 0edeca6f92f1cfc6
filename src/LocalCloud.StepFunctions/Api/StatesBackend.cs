using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Store;

namespace LocalCloud.StepFunctions.Api;

/// <summary>What the operation handlers share: stored machines, executions and the engine environment.</summary>
public sealed class StatesBackend(IStateMachineStore machines, ExecutionRegistry executions, EngineEnvironment engine)
{
    public IStateMachineStore Machines { get; } = machines;

    public ExecutionRegistry Executions { get; } = executions;

    public EngineEnvironment Engine { get; } = engine;

    public TagStore Tags { get; } = new();

    public StateMachineRecord RequireMachine(string arn) => Machines.Find(arn) ?? throw SfnErrors.StateMachineDoesNotExist(arn);

    public Execution RequireExecution(string arn) => Executions.Find(arn) ?? throw SfnErrors.ExecutionDoesNotExist(arn);

    /// <summary>Starts the runner off the caller's thread; it then advances only on timers and callbacks.</summary>
    public void Run(Execution execution)
    {
        Engine.Usage.Add("states", "ExecutionsStarted", execution.Machine.Arn);
        _ = Task.Run(new ExecutionRunner(execution, Engine).RunAsync);
    }
}
