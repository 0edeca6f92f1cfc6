using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core.Json;

namespace LocalCloud.StepFunctions.Api;

/// <summary>The wire's JSON settings: camelCase members as the model names them, absent rather than null.</summary>
public static class StepFunctionsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };
}
