namespace LocalCloud.StepFunctions.Machines;

/// <summary>
/// State machines keyed by ARN (the ARN carries account and region, so the store is per account and
/// region by construction). An interface so a SQLite-backed store can replace the in-memory one.
/// </summary>
public interface IStateMachineStore
{
    /// <summary>Adds the record, or returns the one already stored under its ARN.</summary>
    StateMachineRecord GetOrAdd(StateMachineRecord record);

    StateMachineRecord? Find(string arn);

    void Put(StateMachineRecord record);

    bool Remove(string arn);

    /// <summary>Every state machine of one account and region, ordered by creation then name.</summary>
    IReadOnlyList<StateMachineRecord> List(string accountId, string region);
}
