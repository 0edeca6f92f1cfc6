using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aws.Clients.Serialization;

/// <summary>Serializer settings per wire naming: Step Functions members are camelCase, Lambda and Scheduler PascalCase.</summary>
internal static class AwsJson
{
    public static readonly JsonSerializerOptions CamelCase = Create(JsonNamingPolicy.CamelCase);

    public static readonly JsonSerializerOptions PascalCase = Create(null);

    private static JsonSerializerOptions Create(JsonNamingPolicy? naming)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = naming,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
