using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeStateMachineResponse(string StateMachineArn, string Name, string Status, string Definition, string RoleArn, string Type, DateTimeOffset CreationDate, JsonObject LoggingConfiguration, JsonObject TracingConfiguration, string? RevisionId, string? Description = null);
