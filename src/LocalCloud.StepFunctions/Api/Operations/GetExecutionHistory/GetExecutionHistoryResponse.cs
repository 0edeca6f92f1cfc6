using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record GetExecutionHistoryResponse(IReadOnlyList<JsonObject> Events, string? NextToken);
