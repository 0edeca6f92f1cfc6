namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record SendTaskFailureRequest(string? TaskToken, string? Error, string? Cause);
