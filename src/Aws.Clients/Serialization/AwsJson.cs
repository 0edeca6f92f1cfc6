using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
            // C# 'required' guards construction in code; on the wire a missing member is the service's call to reject,
            // and path-label members are both required and [JsonIgnore], which System.Text.Json otherwise refuses.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NotRequired } },
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void NotRequired(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            property.IsRequired = false;
        }
    }
}
