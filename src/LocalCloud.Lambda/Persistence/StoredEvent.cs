namespace LocalCloud.Lambda.Persistence;

/// <summary>A queued Event invocation as the durable store keeps it (collection lambda.events).</summary>
/// <param name="Version">The published version invoked; absent for $LATEST (and in records written before versions existed).</param>
/// <param name="Payload">The invocation's JSON payload as text (Invoke has checked it is JSON).</param>
internal sealed record StoredEvent(
    int V,
    string AccountId,
    string Region,
    string FunctionName,
    string RequestId,
    string Payload,
    DateTimeOffset Received,
    int FailedAttempts,
    DateTimeOffset? NextAttempt,
    string? Version = null);
