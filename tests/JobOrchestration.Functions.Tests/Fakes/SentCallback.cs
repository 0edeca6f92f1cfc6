namespace JobOrchestration.Functions.Tests.Fakes;

internal sealed record SentCallback(string TaskToken, string? Output = null, string? Error = null, string? Cause = null);
