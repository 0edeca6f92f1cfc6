using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core.Json;

namespace LocalCloud.Scheduler.Api;

internal static class SchedulerJson
{
    // Member names on the wire are the model's (PascalCase), so property names pass through unchanged.
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };
}
