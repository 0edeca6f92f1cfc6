namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record SendTaskHeartbeatRequest(string? TaskToken);
