using System.Globalization;
using Poc.Cli.History;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Poc.Cli.Rendering;

/// <summary>The live progress table and the summary table of a run.</summary>
public static class RunTables
{
    /// <summary>One row per execution: name, status, current state, attempts.</summary>
    public static Table Progress(RunSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var table = new Table().RoundedBorder()
            .Title(string.Create(CultureInfo.InvariantCulture, $"{snapshot.Elapsed.TotalSeconds:0}s elapsed{(snapshot.PollerInvocations > 0 ? $", poller invoked {snapshot.PollerInvocations}×" : "")}"))
            .AddColumns("execution", "status", "current state", "attempts");
        foreach (var e in snapshot.Executions)
        {
            table.AddRow(Plain(e.ExecutionName), Status(e), Plain(HistoryAnalysis.CurrentState(e.History)), Plain(Attempts(e)));
        }

        if (snapshot.PollerNote is { } note)
        {
            table.Caption(Markup.Escape("poller: " + note));
        }

        return table;
    }

    /// <summary>One row per execution: how it ended, against what its scenario expects.</summary>
    public static Table Summary(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().RoundedBorder()
            .AddColumns("execution", "status", "error", "DynamoDB", "attempts", "reconnection", "as expected");
        foreach (var e in result.Executions)
        {
            table.AddRow(
                Plain(e.ExecutionName),
                Status(e),
                Plain(e.Error ?? "-"),
                Plain(e.Record?.Status ?? "-"),
                Plain(Attempts(e)),
                Plain(Latency(e.Reconnection)),
                e.EndedAsExpected ? new Text("yes", Color.Green) : new Text(Expected(e.Scenario), Color.Red));
        }

        return table;
    }

    /// <summary>For each execution that ended wrongly, its error and cause: the table has no room for causes.</summary>
    public static IEnumerable<string> Unexpected(RunResult result)
        => (result ?? throw new ArgumentNullException(nameof(result))).Executions
            .Where(e => !e.EndedAsExpected)
            .Select(e => e.GaveUp
                ? $"{e.ExecutionName}: still {e.Status} when poc stopped waiting, {HistoryAnalysis.CurrentState(e.History)}"
                : e.MatchesExpectation
                    ? $"{e.ExecutionName}: ended {e.Status} as expected, but its poc-task-tokens record is {e.Record?.Status ?? "missing"}, not {e.Scenario.Expectation.RecordStatus}"
                    : $"{e.ExecutionName}: {e.Status} {e.Error ?? ""}: {e.Cause ?? "no cause given"}");

    /// <summary>"1 240 ms (TaskSucceeded → JobSucceeded)" or "-".</summary>
    public static string Latency(Reconnection? r)
        => r is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{r.Latency.TotalMilliseconds:0} ms");

    /// <summary>A single progress line for redirected output.</summary>
    public static string Line(ExecutionObservation e, TimeSpan elapsed)
        => string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed.TotalSeconds,4:0}s] {e.ExecutionName}: {e.Status}{(e.Error is null ? "" : " " + e.Error)}, {HistoryAnalysis.CurrentState(e.History)}, attempts {Attempts(e)}");

    private static string Expected(Scenario s)
        => "no, expected " + (s.Expectation.Error is null ? s.Expectation.ExecutionStatus : $"{s.Expectation.ExecutionStatus} {s.Expectation.Error}")
           + $" / {s.Expectation.RecordStatus}";

    private static string Attempts(ExecutionObservation e) => e.Record is { } r ? r.Attempts.ToString(CultureInfo.InvariantCulture) : "-";

    private static Text Status(ExecutionObservation e) => e.GaveUp
        ? new Text("GAVE UP", Color.Red)
        : new Text(e.Status, e.Status switch
        {
            ExecutionStatuses.Succeeded => Color.Green,
            ExecutionStatuses.Running => Color.Yellow,
            _ => Color.Red,
        });

    internal static IRenderable Plain(string text) => new Text(text);
}
