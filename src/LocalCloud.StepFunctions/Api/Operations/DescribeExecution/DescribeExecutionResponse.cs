using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeExecutionResponse(string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, string Input, JsonObject InputDetails, string? Output, JsonObject? OutputDetails, string? Error, string? Cause, int RedriveCount,
    DateTimeOffset? RedriveDate = null, string? RedriveStatus = null, string? RedriveStatusReason = null, string? MapRunArn = null,
    string? StateMachineVersionArn = null, string? StateMachineAliasArn = null);
