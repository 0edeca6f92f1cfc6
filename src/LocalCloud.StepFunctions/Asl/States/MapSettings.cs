using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.Jsonata;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// The Map-specific fields. <see cref="ItemSelector"/> is ItemSelector or the legacy Parameters,
/// <see cref="Processor"/> ItemProcessor or the legacy Iterator. In a JSONata Map the …Expression members replace
/// ItemsPath and the …Path fields, and <see cref="ItemSelectorTemplate"/> the JSONPath template.
/// </summary>
public sealed record MapSettings(
    StateMachineDefinition Processor,
    string? ItemsPath = null,
    JsonNode? ItemSelector = null,
    int? MaxConcurrency = null,
    string? MaxConcurrencyPath = null,
    long? ToleratedFailureCount = null,
    string? ToleratedFailureCountPath = null,
    double? ToleratedFailurePercentage = null,
    string? ToleratedFailurePercentagePath = null)
{
    public JsonataTemplate? Items { get; init; }

    public JsonataTemplate? ItemSelectorTemplate { get; init; }

    public JsonataTemplate? MaxConcurrencyExpression { get; init; }

    public JsonataTemplate? ToleratedFailureCountExpression { get; init; }

    public JsonataTemplate? ToleratedFailurePercentageExpression { get; init; }

    /// <summary>Null for an inline Map.</summary>
    public MapDistribution? Distributed { get; init; }
}
