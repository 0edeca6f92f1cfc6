using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine.Redrive;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// An execution's redrive state as stored (collection <see cref="Collection"/>, key: execution ARN): how often and when
/// it was redriven and the state a redrive restarts from. Written with the terminal event and with ExecutionRedriven.
/// </summary>
public sealed record RedriveDocument(int Count, DateTimeOffset? Date, string? State, string? Input, string? Variables, IReadOnlyDictionary<int, string>? Children = null)
{
    public const string Collection = "states.redrive";

    public int V { get; init; } = 1;

    public static DurableChange.Put Put(string executionArn, RedriveRecord record)
        => new(Collection, executionArn, JsonSerializer.Serialize(
            new RedriveDocument(record.Count, record.Date, record.Point?.State, record.Point?.Input, record.Point?.Variables, record.Point?.Children), DurableJson.Default.RedriveDocument));

    public static DurableChange.Delete Delete(string executionArn) => new(Collection, executionArn);

    public RedriveRecord ToRecord() => new(Count, Date, State is null || Input is null ? null : new RedrivePoint(State, Input, Variables, Children));
}
