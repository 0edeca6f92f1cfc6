namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// Every Step Functions limit LocalCloud enforces, in one place. Quotas: "Step Functions service quotas"
/// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html); field constraints: the API model
/// (../shared/data/aws-api-models/stepfunctions.json, the shape named beside each).
/// </summary>
public static class StepFunctionsLimits
{
    /// <summary>Quota "Maximum input or output size for a task, state, or execution": 256 KiB of UTF-8; also the model's SensitiveData max.</summary>
    public const int MaxPayloadBytes = 262_144;

    /// <summary>Quota "Maximum execution history size": 25,000 events; the next one fails the execution.</summary>
    public const int MaxHistoryEvents = 25_000;

    /// <summary>Quota "Maximum number of tags per resource": 50.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>Model shape Name: 1–80 characters (state machine and execution names).</summary>
    public const int MaxNameLength = 80;

    /// <summary>Model shape Definition: up to 1,048,576 characters (quota "Maximum size of state machine definition": 1 MB).</summary>
    public const int MaxDefinitionLength = 1_048_576;

    /// <summary>Model shape Arn: up to 256 characters.</summary>
    public const int MaxArnLength = 256;

    /// <summary>Model shape TaskToken: 1–2,048 characters.</summary>
    public const int MaxTaskTokenLength = 2048;

    /// <summary>Model shape SensitiveError: up to 256 characters.</summary>
    public const int MaxErrorLength = 256;

    /// <summary>Model shape SensitiveCause: up to 32,768 characters.</summary>
    public const int MaxCauseLength = 32_768;

    /// <summary>Model shape TagKey: 1–128 characters.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>Model shape TagValue: up to 256 characters.</summary>
    public const int MaxTagValueLength = 256;

    /// <summary>Model shape PageSize: 0–1,000 (0 or absent means the default page).</summary>
    public const int MaxPageSize = 1000;
}
