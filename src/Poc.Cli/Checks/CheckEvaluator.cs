using System.Globalization;
using System.Text.Json;
using Poc.Cli.History;
using Poc.Cli.Rendering;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Checks;

/// <summary>Judges finished executions against the callback pattern's key points.</summary>
public static class CheckEvaluator
{
    /// <summary>
    /// Every check for every execution, in order. Token uniqueness is judged across all of
    /// <paramref name="executions"/>, so pass every execution of the test at once.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<CheckResult>> EvaluateAll(IReadOnlyList<ExecutionObservation> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var tokenCounts = executions
            .Select(e => e.TaskToken)
            .OfType<string>()
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. executions.Select(e => Evaluate(e, tokenCounts))];
    }

    /// <summary>Every check for one execution; <paramref name="tokenCounts"/> says how often each token was seen overall.</summary>
    public static IReadOnlyList<CheckResult> Evaluate(ExecutionObservation execution, IReadOnlyDictionary<string, int> tokenCounts)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(tokenCounts);
        return
        [
            TokenGenerated(execution),
            TokenUnique(execution, tokenCounts),
            TokenPersisted(execution),
            PollingCycles(execution),
            Reconnected(execution),
            FinalStatus(execution),
            RecordStatus(execution),
        ];
    }

    private static CheckResult TokenGenerated(ExecutionObservation e)
    {
        var fromHistory = CallbackTask(e)?.FindTaskToken();
        var token = fromHistory ?? e.Record?.TaskToken;
        return token is { Length: > 0 }
            ? Pass(PatternCheck.TokenGenerated, TokenDisplay.Abbreviate(token))
            : Fail(PatternCheck.TokenGenerated, CallbackTask(e) is null ? "no callback task scheduled" : "no token in task parameters or record");
    }

    private static CheckResult TokenUnique(ExecutionObservation e, IReadOnlyDictionary<string, int> tokenCounts)
    {
        if (e.TaskToken is not { } token)
        {
            return Fail(PatternCheck.TokenUnique, "no token");
        }

        var count = tokenCounts.TryGetValue(token, out var n) ? n : 1;
        return count == 1
            ? Pass(PatternCheck.TokenUnique, "unique")
            : Fail(PatternCheck.TokenUnique, $"shared by {count} executions");
    }

    private static CheckResult TokenPersisted(ExecutionObservation e)
    {
        if (e.Record is null)
        {
            return Fail(PatternCheck.TokenPersisted, "no record in poc-task-tokens");
        }

        if (e.Record.TaskToken is not { Length: > 0 } stored)
        {
            return Fail(PatternCheck.TokenPersisted, "record has no taskToken");
        }

        var scheduled = CallbackTask(e)?.FindTaskToken();
        return scheduled is null || string.Equals(scheduled, stored, StringComparison.Ordinal)
            ? Pass(PatternCheck.TokenPersisted, TokenDisplay.Abbreviate(stored))
            : Fail(PatternCheck.TokenPersisted, "record holds a different token");
    }

    private static CheckResult PollingCycles(ExecutionObservation e)
    {
        var min = e.Scenario.Expectation.MinAttempts;
        if (e.Record is null)
        {
            return Fail(PatternCheck.PollingCycles, "no record");
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{e.Record.Attempts} attempts (≥{min})");
        return e.Record.Attempts >= min ? Pass(PatternCheck.PollingCycles, detail) : Fail(PatternCheck.PollingCycles, detail);
    }

    private static CheckResult Reconnected(ExecutionObservation e)
    {
        if (e.Reconnection is not { } r)
        {
            return Fail(PatternCheck.Reconnected, "no state entered after the callback");
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{r.Outcome.Type} → {r.NextState.StateName ?? r.NextState.Type} in {r.Latency.TotalMilliseconds:0} ms");
        return r.Latency >= TimeSpan.Zero ? Pass(PatternCheck.Reconnected, detail) : Fail(PatternCheck.Reconnected, detail);
    }

    private static CheckResult FinalStatus(ExecutionObservation e)
    {
        var expected = e.Scenario.Expectation;
        var seen = e.Error is null ? e.Status : $"{e.Status} {e.Error}";
        if (!e.MatchesExpectation)
        {
            var wanted = expected.Error is null ? expected.ExecutionStatus : $"{expected.ExecutionStatus} {expected.Error}";
            return Fail(PatternCheck.FinalStatus, $"{seen}, expected {wanted}");
        }

        if (expected.Succeeds && CompletedJobStatus(e.Output) is var jobStatus && jobStatus != RecordStatuses.Completed)
        {
            return Fail(PatternCheck.FinalStatus, $"output job.status is {jobStatus ?? "missing"}");
        }

        return Pass(PatternCheck.FinalStatus, seen);
    }

    private static CheckResult RecordStatus(ExecutionObservation e)
    {
        var expected = e.Scenario.Expectation.RecordStatus;
        var seen = e.Record?.Status ?? "no record";
        return seen == expected ? Pass(PatternCheck.RecordStatus, seen) : Fail(PatternCheck.RecordStatus, $"{seen}, expected {expected}");
    }

    private static HistoryEvent? CallbackTask(ExecutionObservation e) => HistoryAnalysis.CallbackScheduled(e.History);

    // docs/data-model.md: a completed execution's output carries job = {jobId, status:"COMPLETED", result, attempts}.
    private static string? CompletedJobStatus(string? output)
    {
        if (output is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(output);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("job", out var job)
                   && job.ValueKind == JsonValueKind.Object
                   && job.TryGetProperty("status", out var status)
                   && status.ValueKind == JsonValueKind.String
                ? status.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CheckResult Pass(PatternCheck check, string detail) => new(check, true, detail);

    private static CheckResult Fail(PatternCheck check, string detail) => new(check, false, detail);
}
