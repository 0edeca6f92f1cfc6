using Poc.Cli.Runs;

namespace Poc.Cli.Monitor;

/// <summary>A PENDING poc-task-tokens record: the job the poller checks on each sweep.</summary>
/// <param name="Record">The fields poc reads from every record (job id, attempts, limit, deadline).</param>
/// <param name="CreatedAt">When create-job wrote it; null when the attribute is missing or not ISO-8601.</param>
public sealed record PendingJob(TokenRecord Record, DateTimeOffset? CreatedAt);
