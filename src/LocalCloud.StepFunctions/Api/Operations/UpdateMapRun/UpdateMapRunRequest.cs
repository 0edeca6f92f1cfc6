namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record UpdateMapRunRequest(string? MapRunArn, int? MaxConcurrency, double? ToleratedFailurePercentage, long? ToleratedFailureCount);
