namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record SendTaskSuccessRequest(string? TaskToken, string? Output);
