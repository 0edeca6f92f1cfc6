using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// A Distributed Map's own fields (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html): each
/// item (or batch) runs as a child execution of <see cref="ExecutionType"/> in a Map Run named by <see cref="Label"/>.
/// The ItemBatcher fields are null without an ItemBatcher. ItemReader and ResultWriter, which need S3, are refused at parse.
/// </summary>
public sealed record MapDistribution(
    string ExecutionType,
    string? Label = null,
    bool Batched = false,
    int? MaxItemsPerBatch = null,
    string? MaxItemsPerBatchPath = null,
    int? MaxInputBytesPerBatch = null,
    string? MaxInputBytesPerBatchPath = null,
    JsonNode? BatchInput = null);
