using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StartSyncExecutionResponse(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    DateTimeOffset StartDate,
    DateTimeOffset StopDate,
    string Status,
    string? Error,
    string? Cause,
    string Input,
    JsonObject InputDetails,
    string? Output,
    JsonObject OutputDetails,
    BillingDetails BillingDetails);

public sealed record BillingDetails(long BilledMemoryUsedInMB, long BilledDurationInMilliseconds);
