namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record StopExecutionResponse(DateTimeOffset StopDate);
