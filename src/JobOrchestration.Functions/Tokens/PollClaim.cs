namespace JobOrchestration.Functions.Tokens;

/// <summary>
/// A poller's lease on one record: nobody else claims it before <paramref name="Until"/>, and the writes that follow
/// the claim are fenced on <paramref name="Id"/>, so a poller whose lease ran out can no longer change the record.
/// </summary>
public sealed record PollClaim(string Id, DateTimeOffset Until);
