using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Poller;

/// <summary>What one sweep did (docs/functions.md, "poc-poller").</summary>
public sealed record PollSummary(int Checked, int Completed, int Failed, int MaxAttempts, int TimedOut, int StillPending, int Errors)
{
    public JsonObject ToJson() => new()
    {
        ["checked"] = Checked,
        ["completed"] = Completed,
        ["failed"] = Failed,
        ["maxAttempts"] = MaxAttempts,
        ["timedOut"] = TimedOut,
        ["stillPending"] = StillPending,
        ["errors"] = Errors,
    };
}
