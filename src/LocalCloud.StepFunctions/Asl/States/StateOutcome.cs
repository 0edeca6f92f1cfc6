using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>What a state hands on: its output and the next state's name (null when the execution ends).</summary>
public sealed record StateOutcome(JsonNode? Output, string? Next);
