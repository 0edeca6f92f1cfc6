using System.Globalization;
using Poc.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Poc.Cli.Monitor;

/// <summary>Draws a <see cref="MonitorSnapshot"/>: executions, poc-task-tokens, the schedule and Lambda activity.</summary>
public static class MonitorView
{
    /// <summary>The whole view; <paramref name="problem"/> (a failed refresh under --watch) is shown under the header.</summary>
    public static IRenderable Build(MonitorSnapshot snapshot, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = new List<IRenderable>
        {
            new Text(string.Create(CultureInfo.InvariantCulture, $"poc monitor · {snapshot.Where} · {snapshot.TakenAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")),
        };
        if (problem is not null)
        {
            parts.Add(new Text(problem, Color.Red));
        }

        parts.Add(Executions(snapshot));
        parts.AddRange(Tokens(snapshot));
        parts.Add(Schedule(snapshot));
        parts.Add(Lambda(snapshot.Lambda));
        return new Rows(parts);
    }

    /// <summary>One row per execution, newest first, under its state machine.</summary>
    public static Table Executions(MonitorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var table = new Table().RoundedBorder()
            .Title(string.Create(CultureInfo.InvariantCulture, $"executions (newest {MonitorCollector.ExecutionsShown} per state machine)"))
            .AddColumns("state machine", "execution", "status", "current state", "started", "duration");
        foreach (var machine in snapshot.StateMachines)
        {
            if (machine.Arn is null || machine.Executions.Count == 0)
            {
                table.AddRow(Plain(machine.Name), new Text(machine.Arn is null ? MonitorMessages.NotDeployed : MonitorMessages.NoExecutions, Color.Grey), Plain(""), Plain(""), Plain(""), Plain(""));
                continue;
            }

            foreach (var e in machine.Executions)
            {
                table.AddRow(
                    Plain(machine.Name),
                    Plain(e.Name),
                    Status(e.Status),
                    Plain(e.CurrentState),
                    Plain(Durations.Compact(snapshot.TakenAt - e.Start) + " ago"),
                    Plain(e.Stop is { } stop ? Durations.Compact(stop - e.Start) : "running " + Durations.Compact(snapshot.TakenAt - e.Start)));
            }
        }

        return table;
    }

    /// <summary>Counts per status, then the pending jobs.</summary>
    public static IEnumerable<IRenderable> Tokens(MonitorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var tokens = snapshot.Tokens;
        if (!tokens.Exists)
        {
            yield return new Text($"poc-task-tokens: {MonitorMessages.NotDeployed}", Color.Grey);
            yield break;
        }

        var counts = new Table().RoundedBorder().Title("poc-task-tokens by status");
        foreach (var c in tokens.CountsByStatus)
        {
            counts.AddColumn(new TableColumn(c.Status).RightAligned());
        }

        counts.AddRow([.. tokens.CountsByStatus.Select(c => Plain(c.Count.ToString(CultureInfo.InvariantCulture)))]);
        yield return counts;

        if (tokens.Pending.Count == 0)
        {
            yield return new Text(MonitorMessages.NoPendingJobs, Color.Grey);
            yield break;
        }

        var pending = new Table().RoundedBorder()
            .Title(MonitorMessages.MorePending(tokens.Pending.Count, Math.Max(tokens.PendingCount, tokens.Pending.Count)))
            .AddColumns("job", "execution", "token", "attempts", "deadline", "age");
        foreach (var p in tokens.Pending)
        {
            var r = p.Record;
            pending.AddRow(
                Plain(r.JobId ?? "-"),
                Plain(r.ExecutionArn[(r.ExecutionArn.LastIndexOf(':') + 1)..]),
                Plain(TokenDisplay.Abbreviate(r.TaskToken)),
                Plain(r.MaxAttempts is { } max ? string.Create(CultureInfo.InvariantCulture, $"{r.Attempts}/{max}") : r.Attempts.ToString(CultureInfo.InvariantCulture)),
                Plain(r.Deadline is { } d ? Durations.Until(d, snapshot.TakenAt) : "-"),
                Plain(p.CreatedAt is { } c ? Durations.Compact(snapshot.TakenAt - c) : "-"));
        }

        yield return pending;
    }

    /// <summary>The poller schedule: state, expression, estimated next firing.</summary>
    public static Table Schedule(MonitorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var s = snapshot.Schedule;
        var table = new Table().RoundedBorder().Title("schedule").AddColumns("schedule", "state", "expression", "next firing (estimated)", "basis");
        var hasCounts = s.Fired is not null;
        if (hasCounts)
        {
            table.AddColumns("fired", "target errors");
        }

        var row = new List<IRenderable>
        {
            Plain(s.Name),
            s.Exists ? new Text(s.State ?? "-", s.State == "ENABLED" ? Color.Green : Color.Yellow) : new Text(MonitorMessages.NotDeployed, Color.Grey),
            Plain(s.Expression ?? "-"),
            Plain(s.Next.At is { } at ? string.Create(CultureInfo.InvariantCulture, $"{Durations.Until(at, snapshot.TakenAt)} ({at.UtcDateTime:HH:mm:ss} UTC)") : "-"),
            Plain(s.Next.Basis),
        };
        if (hasCounts)
        {
            row.Add(Plain(Count(s.Fired)));
            row.Add(Plain(Count(s.TargetErrors)));
        }

        table.AddRow(row);
        return table;
    }

    /// <summary>Per-function counters and recent invocations, or the note saying why there are none.</summary>
    public static IRenderable Lambda(LambdaActivity lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        if (!lambda.HasData)
        {
            return new Text(lambda.Note ?? "Lambda: no invocations yet", Color.Grey);
        }

        var functions = new Table().RoundedBorder().Title("Lambda").AddColumns("function", "invocations", "errors", "GB-seconds");
        foreach (var f in lambda.Functions)
        {
            functions.AddRow(
                Plain(f.Name),
                Plain(f.Invocations.ToString(CultureInfo.InvariantCulture)),
                f.Errors is { } n ? new Text(n.ToString(CultureInfo.InvariantCulture), n > 0 ? Color.Red : Color.Default) : Plain("-"),
                Plain(f.GbSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
        }

        // A line of its own: as a caption it would wrap to the table's narrow width.
        var parts = new List<IRenderable> { functions };
        if (lambda.Note is { } note)
        {
            parts.Add(new Text(note, Color.Grey));
        }

        if (lambda.Recent.Count == 0)
        {
            return new Rows(parts);
        }

        var recent = new Table().RoundedBorder().Title("recent invocations").AddColumns("function", "started", "duration", "type", "outcome");
        foreach (var r in lambda.Recent)
        {
            recent.AddRow(
                Plain(r.FunctionName),
                Plain(string.Create(CultureInfo.InvariantCulture, $"{r.Start.UtcDateTime:HH:mm:ss}")),
                Plain(Durations.Compact(r.Duration) + (r.ColdStart ? " (cold)" : "")),
                Plain(r.InvocationType),
                r.ErrorType is { } error ? new Text(error, Color.Red) : new Text("ok", Color.Green));
        }

        parts.Add(recent);
        return new Rows(parts);
    }

    private static string Count(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static Text Status(string status) => new(status, status switch
    {
        "SUCCEEDED" => Color.Green,
        "RUNNING" => Color.Yellow,
        _ => Color.Red,
    });

    private static Text Plain(string text) => new(text);
}
