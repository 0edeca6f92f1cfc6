using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>
/// The Distributed Map fields: ProcessorConfig (Mode, ExecutionType), ItemBatcher, Label; ItemReader and ResultWriter read
/// and write Amazon S3, which LocalCloud does not host, so a definition using them is refused with a message that says so.
/// </summary>
public sealed partial class AslParser
{
    /// <summary>AWS's limit on a Map Run label (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html#dist-map-label).</summary>
    private const int MaxLabelLength = 40;

    private static readonly HashSet<string> ProcessorConfigFields = new(StringComparer.Ordinal) { "Mode", "ExecutionType" };
    private static readonly HashSet<string> ItemBatcherFields = new(StringComparer.Ordinal)
    {
        "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput",
    };

    /// <summary>Null for an inline Map; every distributed-only field on an inline Map is an error.</summary>
    private MapDistribution? ParseDistribution(JsonObject obj, string processorField, string at)
    {
        string? mode = null;
        string? executionType = null;
        var configAt = $"{at}/{processorField}/ProcessorConfig";
        if (obj[processorField]?["ProcessorConfig"] is JsonObject config)
        {
            RejectUnknownFields(config, ProcessorConfigFields, configAt);
            mode = String(config, "Mode", configAt + "/Mode");
            executionType = String(config, "ExecutionType", configAt + "/ExecutionType");
        }
        foreach (var s3 in new[] { "ItemReader", "ResultWriter" })
        {
            if (obj.ContainsKey(s3))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: {s3} reads or writes Amazon S3, which LocalCloud does not host; pass the items in the state input instead at {at}/{s3}");
            }
        }
        if (mode is null or "INLINE")
        {
            if (mode is null && executionType is not null)
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: ExecutionType is only supported when Mode is DISTRIBUTED at {configAt}/ExecutionType");
            }
            foreach (var field in new[] { "ItemBatcher", "Label" })
            {
                if (obj.ContainsKey(field))
                {
                    _errors.Add($"SCHEMA_VALIDATION_FAILED: The field '{field}' is only supported when the ProcessorConfig Mode is DISTRIBUTED at {at}/{field}");
                }
            }
            return null;
        }
        if (mode != "DISTRIBUTED")
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Value is not valid for Mode: '{mode}' (expected INLINE or DISTRIBUTED) at {configAt}/Mode");
            return null;
        }
        if (executionType is not ("STANDARD" or "EXPRESS"))
        {
            _errors.Add(executionType is null
                ? $"SCHEMA_VALIDATION_FAILED: These fields are required: [ExecutionType] at {configAt}"
                : $"SCHEMA_VALIDATION_FAILED: Value is not valid for ExecutionType: '{executionType}' (expected STANDARD or EXPRESS) at {configAt}/ExecutionType");
            return null;
        }
        var label = String(obj, "Label", at + "/Label");
        if (label is not null && (label.Length is 0 or > MaxLabelLength || label.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal))))
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Label must be 1 to {MaxLabelLength} characters, without white space, brackets, wildcards or special characters at {at}/Label");
        }
        if (obj["ItemBatcher"] is not { } batcherNode)
        {
            return new MapDistribution(executionType, label);
        }
        if (batcherNode is not JsonObject batcher)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: Expected value of type: Object at {at}/ItemBatcher");
            return null;
        }
        var batcherAt = at + "/ItemBatcher";
        RejectUnknownFields(batcher, ItemBatcherFields, batcherAt);
        OnlyOne(batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath", batcherAt);
        OnlyOne(batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", batcherAt);
        var itemsPath = String(batcher, "MaxItemsPerBatchPath", batcherAt + "/MaxItemsPerBatchPath");
        var bytesPath = String(batcher, "MaxInputBytesPerBatchPath", batcherAt + "/MaxInputBytesPerBatchPath");
        foreach (var (field, text) in new[] { ("MaxItemsPerBatchPath", itemsPath), ("MaxInputBytesPerBatchPath", bytesPath) })
        {
            if (text is not null && !IsPathOrIntrinsic(text))
            {
                _errors.Add($"SCHEMA_VALIDATION_FAILED: The value for the field '{field}' must be a valid JSONPath at {batcherAt}/{field}");
            }
        }
        if (!batcher.ContainsKey("MaxItemsPerBatch") && !batcher.ContainsKey("MaxInputBytesPerBatch") && itemsPath is null && bytesPath is null)
        {
            _errors.Add($"SCHEMA_VALIDATION_FAILED: ItemBatcher needs one of MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch or MaxInputBytesPerBatchPath at {batcherAt}");
        }
        if (batcher["BatchInput"] is { } batchInput)
        {
            CheckTemplate(batchInput, batcherAt + "/BatchInput");
        }
        return new MapDistribution(executionType, label, Batched: true,
            (int?)PositiveInteger(batcher, "MaxItemsPerBatch", batcherAt + "/MaxItemsPerBatch"), itemsPath,
            (int?)PositiveInteger(batcher, "MaxInputBytesPerBatch", batcherAt + "/MaxInputBytesPerBatch"), bytesPath,
            batcher["BatchInput"]?.DeepClone());
    }
}
