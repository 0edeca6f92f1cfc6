using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// Distributed mode: the items (batched by the ItemBatcher when there is one) run as child executions of a Map Run, which
/// the engine starts through the scope; the state's output is their outputs in item order
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html).
/// </summary>
public sealed partial class MapState
{
    private async Task<StateOutcome> RunDistributedAsync(IStateScope scope, JsonNode? rawInput, JsonNode? input, JsonNode?[] itemInputs, MapLimits limits,
        MapDistribution distributed, CancellationToken cancellationToken)
    {
        var (inputs, counts) = distributed.Batched ? Batch(scope, input, itemInputs, distributed) : (itemInputs, itemInputs.Select(_ => 1).ToList());
        JsonNode?[] results;
        try
        {
            results = await scope.RunMapRunAsync(new MapRunSpec(Name, distributed.Label ?? Name, distributed.ExecutionType, Settings.Processor, inputs, counts,
                limits.MaxConcurrency, limits.ToleratedCount, limits.ToleratedPercentage), cancellationToken).ConfigureAwait(false);
        }
        catch (StatesFailureException)
        {
            scope.Emit("MapStateFailed");
            throw;
        }
        scope.Emit("MapStateSucceeded");
        return Finish(scope, rawInput, new JsonArray(results), ResultKind.Result);
    }

    /// <summary>
    /// ItemBatcher: consecutive items fill a batch until MaxItemsPerBatch or MaxInputBytesPerBatch would be passed; each child
    /// gets {"Items": [...]} plus "BatchInput" when given (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html).
    /// </summary>
    private (JsonNode?[] Inputs, List<int> Counts) Batch(IStateScope scope, JsonNode? input, JsonNode?[] items, MapDistribution d)
    {
        var maxItems = d.MaxItemsPerBatch ?? (d.MaxItemsPerBatchPath is { } ip ? (int)ReadNumber(scope, input, ip, "MaxItemsPerBatchPath", integer: true) : int.MaxValue);
        var maxBytes = d.MaxInputBytesPerBatch ?? (d.MaxInputBytesPerBatchPath is { } bp ? (int)ReadNumber(scope, input, bp, "MaxInputBytesPerBatchPath", integer: true) : int.MaxValue);
        if (maxItems <= 0 || maxBytes <= 0)
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"The ItemBatcher of the Map state '{Name}' must allow at least one item per batch");
        }
        var batchInput = d.BatchInput is null ? null
            : Io.Language == QueryLanguage.Jsonata ? d.BatchInput.DeepClone() : JsonPathReader.Expand(d.BatchInput, input, scope);
        var inputs = new List<JsonNode?>();
        var counts = new List<int>();
        var current = new JsonArray();
        var bytes = 0;
        foreach (var item in items)
        {
            var size = Encoding.UTF8.GetByteCount(item?.ToJsonString() ?? "null");
            if (current.Count > 0 && (current.Count >= maxItems || bytes + size > maxBytes))
            {
                Flush();
            }
            current.Add(item);
            bytes += size;
        }
        if (current.Count > 0)
        {
            Flush();
        }
        return ([.. inputs], counts);

        void Flush()
        {
            var batch = new JsonObject { ["Items"] = current };
            if (batchInput is not null)
            {
                batch["BatchInput"] = batchInput.DeepClone();
            }
            inputs.Add(batch);
            counts.Add(current.Count);
            current = [];
            bytes = 0;
        }
    }

    private sealed record MapLimits(int MaxConcurrency, long? ToleratedCount, double? ToleratedPercentage);
}
