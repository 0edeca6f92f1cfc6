using System.Text.Json.Serialization;
using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>The stored records' JSON, generated at compile time: only durable stores ever serialise anything.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Checkpoint))]
[JsonSerializable(typeof(ExecutionDocument))]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(CallbackDocument))]
[JsonSerializable(typeof(MachineDocument))]
[JsonSerializable(typeof(VersionDocument))]
[JsonSerializable(typeof(TagsDocument))]
[JsonSerializable(typeof(RedriveDocument))]
[JsonSerializable(typeof(MapRunDocument))]
[JsonSerializable(typeof(PublishedVersionDocument))]
[JsonSerializable(typeof(MachineAliasDocument))]
[JsonSerializable(typeof(VersionCounterDocument))]
[JsonSerializable(typeof(ExecutionQualifierDocument))]
[JsonSerializable(typeof(ActivityDocument))]
internal sealed partial class DurableJson : JsonSerializerContext;
