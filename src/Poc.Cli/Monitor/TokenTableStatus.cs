namespace Poc.Cli.Monitor;

/// <summary>poc-task-tokens: how many records are in each status, and the pending jobs the poller still sweeps.</summary>
/// <param name="Exists">False when the table is not deployed.</param>
/// <param name="CountsByStatus">Records per status (every status docs/data-model.md names, zeros included).</param>
/// <param name="Pending">The oldest PENDING records, at most <see cref="MonitorCollector.PendingShown"/>.</param>
public sealed record TokenTableStatus(bool Exists, IReadOnlyList<StatusCount> CountsByStatus, IReadOnlyList<PendingJob> Pending)
{
    /// <summary>The table is not there.</summary>
    public static TokenTableStatus Missing { get; } = new(false, [], []);

    /// <summary>PENDING records in all, which may be more than <see cref="Pending"/> lists.</summary>
    public int PendingCount => CountsByStatus.FirstOrDefault(c => c.Status == TokenStatuses.Pending)?.Count ?? 0;
}
