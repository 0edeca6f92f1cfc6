using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>What a state hands on: its output, the next state's name (null when the execution ends) and the variables it assigns.</summary>
public sealed record StateOutcome(JsonNode? Output, string? Next, IReadOnlyDictionary<string, JsonNode?>? Assigned = null);
