using System.Collections.Concurrent;

namespace LocalCloud.StepFunctions.Machines;

public sealed class InMemoryStateMachineStore : IStateMachineStore
{
    private readonly ConcurrentDictionary<string, StateMachineRecord> _machines = new(StringComparer.Ordinal);

    public StateMachineRecord GetOrAdd(StateMachineRecord record) => _machines.GetOrAdd(record.Arn, record);

    public StateMachineRecord? Find(string arn) => _machines.TryGetValue(arn, out var record) ? record : null;

    public void Put(StateMachineRecord record) => _machines[record.Arn] = record;

    public bool Remove(string arn) => _machines.TryRemove(arn, out _);

    public IReadOnlyList<StateMachineRecord> List(string accountId, string region)
    {
        var prefix = $"arn:aws:states:{region}:{accountId}:stateMachine:";
        return _machines.Values.Where(m => m.Arn.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(m => m.CreationDate).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
    }
}
