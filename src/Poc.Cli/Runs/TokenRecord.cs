namespace Poc.Cli.Runs;

/// <summary>An execution's poc-task-tokens record, as far as poc reads it.</summary>
public sealed record TokenRecord(string ExecutionArn, string? JobId, string? TaskToken, string? Status, int Attempts)
{
    /// <summary>The poller's attempt limit stored with the record.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>When the poller gives up on the job (PollingTimeout).</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The last error the poller saw.</summary>
    public string? LastError { get; init; }
}
