using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Tests.Fakes;

internal sealed class RecordingMetricsSink : IMetricsSink
{
    private readonly ConcurrentQueue<JsonObject> documents = new();

    public IReadOnlyList<JsonObject> Documents => [.. documents];

    public void Publish(JsonObject document) => documents.Enqueue((JsonObject)document.DeepClone());
}
