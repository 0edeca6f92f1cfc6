using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Scheduler.Api.Operations;

namespace LocalCloud.Scheduler.Model;

/// <summary>
/// The schedule's target. Parameters for targets LocalCloud does not invoke (ECS, Kinesis, SQS, ...)
/// are kept verbatim in <see cref="Other"/> so GetSchedule returns what was stored.
/// </summary>
internal sealed record Target
{
    public string? Arn { get; init; }
    public string? RoleArn { get; init; }
    public string? Input { get; init; }
    public RetryPolicy? RetryPolicy { get; init; }
    public DeadLetterConfig? DeadLetterConfig { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
