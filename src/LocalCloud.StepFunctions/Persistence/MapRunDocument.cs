using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine.MapRuns;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>A Map Run as stored (collection <see cref="Collection"/>, key: Map Run ARN), written as it starts, changes and ends.</summary>
public sealed record MapRunDocument(MapRunView Run)
{
    public const string Collection = "states.mapruns";

    public int V { get; init; } = 1;

    public static DurableChange.Put Put(MapRun run)
        => new(Collection, run.Arn, JsonSerializer.Serialize(new MapRunDocument(run.View()), DurableJson.Default.MapRunDocument));
}
