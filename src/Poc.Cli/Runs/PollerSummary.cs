using System.Text.Json;

namespace Poc.Cli.Runs;

/// <summary>What one poller sweep did (docs/functions.md, "poc-poller").</summary>
public sealed record PollerSummary(int Checked, int Completed, int Failed, int MaxAttempts, int TimedOut, int StillPending, int Errors)
{
    /// <summary>Reads the poller's JSON result; fields it omits count as zero.</summary>
    public static PollerSummary Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        int Get(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : 0;
        return new PollerSummary(Get("checked"), Get("completed"), Get("failed"), Get("maxAttempts"), Get("timedOut"), Get("stillPending"), Get("errors"));
    }

    /// <summary>One line: "checked 3: 1 completed, 0 failed, …".</summary>
    public override string ToString()
        => $"checked {Checked}: {Completed} completed, {Failed} failed, {MaxAttempts} max-attempts, {TimedOut} timed out, {StillPending} still pending, {Errors} errors";
}
