using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>One history event as GetExecutionHistory shows it: details sit under <see cref="DetailsMember"/>.</summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type, string? DetailsMember)
{
    private readonly JsonObject? _details;
    private readonly EventDetails? _parts;

    public HistoryEvent(long id, long previousEventId, DateTimeOffset timestamp, string type, string? detailsMember, JsonObject? details)
        : this(id, previousEventId, timestamp, type, detailsMember)
        => _details = details;

    public HistoryEvent(long id, long previousEventId, DateTimeOffset timestamp, string type, string? detailsMember, EventDetails? details)
        : this(id, previousEventId, timestamp, type, detailsMember)
        => _parts = details;

    /// <summary>The details as JSON. Details kept as parts (<see cref="EventDetails"/>) are built anew on each read.</summary>
    public JsonObject? Details => _details ?? _parts?.ToJson();

    /// <summary>The details as a tree the caller owns (to put on the wire, or change): built once, not built and copied.</summary>
    public JsonObject? CopyOfDetails() => _parts?.ToJson() ?? (JsonObject?)_details?.DeepClone();
}
