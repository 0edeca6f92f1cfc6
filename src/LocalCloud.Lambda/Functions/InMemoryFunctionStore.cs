using System.Collections.Concurrent;

namespace LocalCloud.Lambda.Functions;

internal sealed class InMemoryFunctionStore : IFunctionStore
{
    private readonly ConcurrentDictionary<(string Account, string Region, string Name), FunctionRecord> _functions = new();

    public FunctionRecord? Find(string accountId, string region, string functionName)
        => _functions.TryGetValue((accountId, region, functionName), out var record) ? record : null;

    public bool TryAdd(FunctionRecord record) => _functions.TryAdd(Key(record), record);

    public bool TryReplace(FunctionRecord record, string expectedRevisionId)
    {
        var key = Key(record);
        return _functions.TryGetValue(key, out var current)
            && current.RevisionId == expectedRevisionId
            && _functions.TryUpdate(key, record, current);
    }

    public FunctionRecord? Update(string accountId, string region, string functionName, Func<FunctionRecord, FunctionRecord?> change)
    {
        var key = (accountId, region, functionName);
        while (_functions.TryGetValue(key, out var current))
        {
            var updated = change(current);
            if (updated is null || _functions.TryUpdate(key, updated, current))
            {
                return updated ?? current;
            }
        }
        return null;
    }

    public FunctionRecord? Remove(string accountId, string region, string functionName)
        => _functions.TryRemove((accountId, region, functionName), out var record) ? record : null;

    public IReadOnlyList<FunctionRecord> List(string accountId, string region)
        => _functions.Values.Where(f => f.AccountId == accountId && f.Region == region)
            .OrderBy(f => f.FunctionName, StringComparer.Ordinal)
            .ToList();

    private static (string, string, string) Key(FunctionRecord record) => (record.AccountId, record.Region, record.FunctionName);
}
