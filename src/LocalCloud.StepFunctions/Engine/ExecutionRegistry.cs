using System.Collections.Concurrent;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>Executions by ARN, kept after they end so Describe/History/List still answer (AWS keeps them 90 days).</summary>
public sealed class ExecutionRegistry
{
    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);

    public Execution GetOrAdd(Execution execution) => _executions.GetOrAdd(execution.Arn, execution);

    public Execution? Find(string arn) => _executions.TryGetValue(arn, out var execution) ? execution : null;

    /// <summary>Newest first, as ListExecutions orders them.</summary>
    public IReadOnlyList<Execution> ForStateMachine(string stateMachineArn)
        => _executions.Values.Where(e => e.Machine.Arn == stateMachineArn)
            .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Name, StringComparer.Ordinal).ToList();

    public IEnumerable<Execution> All => _executions.Values;
}
