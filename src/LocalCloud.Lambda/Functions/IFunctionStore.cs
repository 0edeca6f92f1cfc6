namespace LocalCloud.Lambda.Functions;

/// <summary>Functions per account and region. Updates are optimistic: they name the revision they replace.</summary>
internal interface IFunctionStore
{
    FunctionRecord? Find(string accountId, string region, string functionName);

    /// <summary>False when a function of that name already exists.</summary>
    bool TryAdd(FunctionRecord record);

    /// <summary>False when the stored revision is no longer <paramref name="expectedRevisionId"/>.</summary>
    bool TryReplace(FunctionRecord record, string expectedRevisionId);

    /// <summary>
    /// Applies <paramref name="change"/> atomically to the stored record (retrying if it changed meanwhile); a
    /// change that answers null leaves it as it is. Returns the stored result, or null when the function is gone.
    /// </summary>
    FunctionRecord? Update(string accountId, string region, string functionName, Func<FunctionRecord, FunctionRecord?> change);

    FunctionRecord? Remove(string accountId, string region, string functionName);

    /// <summary>Functions of one account and region, ordered by name.</summary>
    IReadOnlyList<FunctionRecord> List(string accountId, string region);
}
