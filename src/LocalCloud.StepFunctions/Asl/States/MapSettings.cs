using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// The Map-specific fields. <see cref="ItemSelector"/> is ItemSelector or the legacy Parameters,
/// <see cref="Processor"/> ItemProcessor or the legacy Iterator.
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
    string? ToleratedFailurePercentagePath = null);
