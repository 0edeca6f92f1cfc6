using System.Text.Json.Serialization;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>The JSON of the records redrive and Map Runs store, generated at compile time like <see cref="DurableJson"/>'s.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(RedriveDocument))]
[JsonSerializable(typeof(MapRunDocument))]
internal sealed partial class RunsJson : JsonSerializerContext;
