namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record GetActivityTaskRequest(string? ActivityArn, string? WorkerName);
