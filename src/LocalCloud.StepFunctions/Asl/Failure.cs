namespace LocalCloud.StepFunctions.Asl;

/// <summary>An ASL error as data: what Retry and Catch match on and what history records.</summary>
public sealed record Failure(string Error, string? Cause);
