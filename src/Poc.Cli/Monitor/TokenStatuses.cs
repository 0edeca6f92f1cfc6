namespace Poc.Cli.Monitor;

/// <summary>The statuses a poc-task-tokens record can have (docs/data-model.md), in the order the monitor shows them.</summary>
public static class TokenStatuses
{
    public const string Pending = "PENDING";

    /// <summary>Every status.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, "COMPLETED", "FAILED", "TIMEOUT", "MAX_ATTEMPTS"];
}
