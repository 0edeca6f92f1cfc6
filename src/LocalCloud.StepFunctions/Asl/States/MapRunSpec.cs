using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// What a Distributed Map hands the engine: one input per child execution (an item, or a batch of them: <see cref="ItemCounts"/>
/// says how many items each carries), the processor each child runs, and the run's limits.
/// </summary>
public sealed record MapRunSpec(
    string StateName,
    string Label,
    string ExecutionType,
    StateMachineDefinition Processor,
    IReadOnlyList<JsonNode?> Inputs,
    IReadOnlyList<int> ItemCounts,
    int MaxConcurrency,
    long? ToleratedFailureCount,
    double? ToleratedFailurePercentage);
