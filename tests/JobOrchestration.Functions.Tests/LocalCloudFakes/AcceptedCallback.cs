namespace JobOrchestration.Functions.Tests.LocalCloudFakes;

/// <summary>A callback Step Functions took: Output for SendTaskSuccess, Error and Cause for SendTaskFailure.</summary>
internal sealed record AcceptedCallback(string Token, string? Output, string? Error, string? Cause);
