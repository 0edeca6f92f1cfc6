namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Both members absent (the body is <c>{}</c>) when no task came within the long poll.</summary>
public sealed record GetActivityTaskResponse(string? TaskToken = null, string? Input = null);
