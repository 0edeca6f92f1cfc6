using System.Globalization;

namespace JobOrchestration.Functions.Common;

/// <summary>Configuration of the three functions, read from environment variables only (docs/data-model.md).</summary>
public sealed record FunctionSettings
{
    public string JobsTable { get; init; } = "poc-jobs";

    public string TokensTable { get; init; } = "poc-task-tokens";

    public string TokensStatusIndex { get; init; } = "status-index";

    public string SimulatedApiFunction { get; init; } = "poc-simulated-api";

    public int DefaultMaxAttempts { get; init; } = 10;

    public int DefaultPollingTimeoutSeconds { get; init; } = 3600;

    /// <summary>The poller's claim lease; shorter than the sweep interval, so a pending job is checked every sweep.</summary>
    public int PollerLeaseSeconds { get; init; } = 10;

    /// <summary>
    /// Whether the poller claims and closes a batch of records in one TransactWriteItems (PollerOptions.BatchWrites). Off
    /// by default: on AWS a transactional write costs twice the write units of a plain one (docs/functions.md).
    /// </summary>
    public bool PollerBatchWrites { get; init; }

    public static FunctionSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    public static FunctionSettings FromVariables(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var defaults = new FunctionSettings();
        return new FunctionSettings
        {
            JobsTable = Text(read, "JOBS_TABLE", defaults.JobsTable),
            TokensTable = Text(read, "TOKENS_TABLE", defaults.TokensTable),
            TokensStatusIndex = Text(read, "TOKENS_STATUS_INDEX", defaults.TokensStatusIndex),
            SimulatedApiFunction = Text(read, "SIMULATED_API_FUNCTION", defaults.SimulatedApiFunction),
            DefaultMaxAttempts = PositiveInt(read, "DEFAULT_MAX_ATTEMPTS", defaults.DefaultMaxAttempts),
            DefaultPollingTimeoutSeconds = PositiveInt(read, "DEFAULT_POLLING_TIMEOUT_SECONDS", defaults.DefaultPollingTimeoutSeconds),
            PollerLeaseSeconds = PositiveInt(read, "POLLER_LEASE_SECONDS", defaults.PollerLeaseSeconds),
            PollerBatchWrites = Flag(read, "POLLER_BATCH_WRITES", defaults.PollerBatchWrites),
        };
    }

    private static string Text(Func<string, string?> read, string name, string fallback)
    {
        var value = read(name);
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    private static bool Flag(Func<string, string?> read, string name, bool fallback)
    {
        var value = read(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value.Trim(), out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Environment variable {name} must be true or false, got '{value}'.");
    }

    // A typo in a number must stop the function loudly rather than silently fall back to the default.
    private static int PositiveInt(Func<string, string?> read, string name, int fallback)
    {
        var value = read(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            throw new InvalidOperationException($"Environment variable {name} must be a positive integer, got '{value}'.");
        }

        return parsed;
    }
}
