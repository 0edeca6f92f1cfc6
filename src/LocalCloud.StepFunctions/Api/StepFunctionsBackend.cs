using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Machines;
using LocalCloud.StepFunctions.Machines.Versions;
using LocalCloud.StepFunctions.Persistence;

namespace LocalCloud.StepFunctions.Api;

/// <summary>What the operation handlers share: stored machines, executions, the engine environment and the durable store.</summary>
public sealed class StepFunctionsBackend(IStateMachineStore machines, ExecutionRegistry executions, EngineEnvironment engine, IDurableStore? durable = null)
{
    public IStateMachineStore Machines { get; } = machines;

    public ExecutionRegistry Executions { get; } = executions;

    public EngineEnvironment Engine { get; } = engine;

    public TagStore Tags { get; } = new();

    public IDurableStore Durable { get; } = durable ?? NoDurableStore.Instance;

    public MachineJournal Journal { get; } = new(durable ?? NoDurableStore.Instance);

    /// <summary>
    /// Held by every change to machines and tags, from the change in memory to its durable write, so the store
    /// sees the changes in the order clients did. Control-plane operations only: executions never take it.
    /// </summary>
    public Lock MachineGate { get; } = new();

    public StateMachineRecord RequireMachine(string arn) => Machines.Find(arn) ?? throw StepFunctionsErrors.StateMachineDoesNotExist(arn);

    public Execution RequireExecution(string arn) => Executions.Find(arn) ?? throw StepFunctionsErrors.ExecutionDoesNotExist(arn);

    /// <summary>The open task behind a callback's token, or AWS's error for why there is none.</summary>
    public OpenTask RequireOpenTask(string token)
    {
        var found = Engine.Tokens.Find(token);
        return found.State switch
        {
            TokenState.Open => found.Task!,
            TokenState.Malformed => throw StepFunctionsErrors.InvalidToken("Invalid token"),
            TokenState.Unknown => throw StepFunctionsErrors.TaskDoesNotExist(),
            _ => throw StepFunctionsErrors.TaskTimedOut(),
        };
    }

    /// <summary>A journal for a new execution when the store is durable, else null (nothing to write).</summary>
    public ExecutionJournal? JournalFor(string executionArn) => Durable.IsDurable ? new ExecutionJournal(Durable, executionArn) : null;

    /// <summary>Stores the new execution (before StartExecution answers), then starts its runner off the caller's thread.</summary>
    public void Run(Execution execution)
    {
        execution.WriteStarted();
        Engine.Usage.Add("states", "ExecutionsStarted", execution.Machine.Arn);
        execution.Track(Task.Run(() => new ExecutionRunner(execution, Engine).RunAsync()));
    }

    /// <summary>Continues an execution that was running when LocalCloud stopped.</summary>
    public void Resume(Execution execution, ResumePoint? resume)
        => execution.Track(Task.Run(() => new ExecutionRunner(execution, Engine).RunAsync(resume)));

    /// <summary>Published versions and aliases, and the version each qualified execution ran (docs/services/stepfunctions.md, "Versions and aliases").</summary>
    public VersionCatalog PublishedVersions { get; } = new();

    public VersionJournal VersionJournal { get; } = new(durable ?? NoDurableStore.Instance);
}
