using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>One history event as GetExecutionHistory shows it: details sit under <see cref="DetailsMember"/>.</summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type, string? DetailsMember, JsonObject? Details);
