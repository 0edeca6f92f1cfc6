namespace JobOrchestration.Functions.Jobs;

/// <summary>One job a CHECK_STATUS_BATCH could not check, with the error CHECK_STATUS would have thrown for it alone.</summary>
public sealed record JobCheckError(string JobId, string ErrorType, string ErrorMessage);
