using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Persistence;

/// <summary>
/// With --data: functions in memory as without it, every change written through to the durable store
/// (collection <see cref="Collection"/>, key account/region/name) before the call that made it returns, so the
/// operation that caused it answers only once it is durable. A failed write leaves memory as it was.
/// Zips stay under <see cref="LambdaOptions.DataDirectory"/>; the record keeps their path and hash.
/// </summary>
internal sealed class DurableFunctionStore(IDurableStore durable, string dataDirectory) : IFunctionStore
{
    public const string Collection = "lambda.functions";

    private readonly InMemoryFunctionStore _memory = new();

    // One writer at a time, so the durable store receives changes in the order memory applied them.
    private readonly Lock _writes = new();

    /// <summary>Reads every stored function into memory and answers them, for the service to resume what was unfinished.</summary>
    public IReadOnlyList<FunctionRecord> Load()
    {
        var loaded = new List<FunctionRecord>();
        foreach (var record in durable.Load(Collection))
        {
            var function = RestoreCode(FunctionJson.Read(record.Value, dataDirectory));
            _memory.TryAdd(function);
            loaded.Add(function);
        }
        return loaded;
    }

    public FunctionRecord? Find(string accountId, string region, string functionName) => _memory.Find(accountId, region, functionName);

    public IReadOnlyList<FunctionRecord> List(string accountId, string region) => _memory.List(accountId, region);

    public bool TryAdd(FunctionRecord record)
    {
        lock (_writes)
        {
            if (!_memory.TryAdd(record))
            {
                return false;
            }
            try
            {
                Save(record);
            }
            catch
            {
                _memory.Remove(record.AccountId, record.Region, record.FunctionName);
                throw;
            }
            return true;
        }
    }

    public bool TryReplace(FunctionRecord record, string expectedRevisionId)
    {
        lock (_writes)
        {
            var current = _memory.Find(record.AccountId, record.Region, record.FunctionName);
            if (current is null || !_memory.TryReplace(record, expectedRevisionId))
            {
                return false;
            }
            SaveOrUndo(record, current);
            return true;
        }
    }

    public FunctionRecord? Update(string accountId, string region, string functionName, Func<FunctionRecord, FunctionRecord?> change)
    {
        lock (_writes)
        {
            var current = _memory.Find(accountId, region, functionName);
            if (current is null)
            {
                return null;
            }
            var updated = _memory.Update(accountId, region, functionName, change);
            if (updated is not null && !ReferenceEquals(updated, current))
            {
                SaveOrUndo(updated, current);
            }
            return updated;
        }
    }

    public FunctionRecord? Remove(string accountId, string region, string functionName)
    {
        lock (_writes)
        {
            var removed = _memory.Remove(accountId, region, functionName);
            if (removed is null)
            {
                return null;
            }
            try
            {
                durable.Delete(Collection, Key(removed));
            }
            catch
            {
                _memory.TryAdd(removed);
                throw;
            }
            return removed;
        }
    }

    private void Save(FunctionRecord record) => durable.Put(Collection, Key(record), FunctionJson.Write(record, dataDirectory));

    private void SaveOrUndo(FunctionRecord updated, FunctionRecord previous)
    {
        try
        {
            Save(updated);
        }
        catch
        {
            _memory.TryReplace(previous, updated.RevisionId);
            throw;
        }
    }

    /// <summary>
    /// An Active function's unpacked code normally survives on disk; if it is gone (cleaned by hand), unpack the kept
    /// zip again. Without the zip the function cannot run: it comes back Failed, saying why.
    /// </summary>
    private static FunctionRecord RestoreCode(FunctionRecord function)
    {
        if (function.State != FunctionStates.Active || Directory.Exists(function.Code.TaskRoot))
        {
            return function;
        }
        try
        {
            CodePackage.Extract(function.Code);
            return function;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or AwsServiceException)
        {
            return function with
            {
                State = FunctionStates.Failed,
                StateReason = $"LocalCloud could not restore the function's code after a restart: {e.Message}",
                StateReasonCode = FunctionStates.InternalErrorReasonCode,
            };
        }
    }

    private static string Key(FunctionRecord function) => $"{function.AccountId}/{function.Region}/{function.FunctionName}";
}
