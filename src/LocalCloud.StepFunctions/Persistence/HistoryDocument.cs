using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>
/// One history event as stored. <see cref="Token"/> is the task token a callback task's TaskScheduled minted
/// (never shown on the wire): after a restart it lets a late callback get TaskTimedOut, not TaskDoesNotExist.
/// </summary>
public sealed record HistoryDocument(long Id, DateTimeOffset Timestamp, string Type, string? Member, JsonObject? Details, string? Token)
{
    public int V { get; init; } = 1;

    public static HistoryDocument From(HistoryEvent e, string? token) => new(e.Id, e.Timestamp, e.Type, e.DetailsMember, e.Details, token);

    public HistoryEvent ToEvent() => new(Id, Id - 1, Timestamp, Type, Member, Details);
}
