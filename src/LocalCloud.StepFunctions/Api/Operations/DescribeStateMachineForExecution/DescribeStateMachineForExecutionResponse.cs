using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeStateMachineForExecutionResponse(
    string StateMachineArn,
    string Name,
    string Definition,
    string RoleArn,
    DateTimeOffset UpdateDate,
    JsonObject LoggingConfiguration,
    JsonObject TracingConfiguration,
    string? RevisionId);
