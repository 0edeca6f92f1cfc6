using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record GetExecutionHistoryResponse(IReadOnlyList<JsonObject> Events, string? NextToken);
