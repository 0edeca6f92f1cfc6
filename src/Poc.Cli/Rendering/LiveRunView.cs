using Poc.Cli.Runs;
using Spectre.Console;

namespace Poc.Cli.Rendering;

/// <summary>Shows a run as it happens: a table updating in place on a terminal, one line per change when redirected.</summary>
public sealed class LiveRunView(IAnsiConsole console, bool interactive)
{
    /// <summary>Runs <paramref name="run"/>, feeding its snapshots to the view, and returns its result.</summary>
    public async Task<RunResult> ShowAsync(Func<IProgress<RunSnapshot>, Task<RunResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!interactive)
        {
            var lines = new LineProgress(console);
            return await run(lines);
        }

        var latest = new LatestSnapshot();
        RunResult? result = null;
        await console.Live(new Text("starting executions…")).AutoClear(false).StartAsync(async ctx =>
        {
            var task = run(latest);
            while (!task.IsCompleted)
            {
                if (latest.Value is { } snapshot)
                {
                    ctx.UpdateTarget(RunTables.Progress(snapshot));
                }

                await Task.WhenAny(task, Task.Delay(250));
            }

            result = await task;
            if (latest.Value is { } last)
            {
                ctx.UpdateTarget(RunTables.Progress(last));
            }
        });
        return result!;
    }

    // Progress<T> would post to the thread pool out of order; the view only ever wants the newest snapshot.
    private sealed class LatestSnapshot : IProgress<RunSnapshot>
    {
        public RunSnapshot? Value { get; private set; }

        public void Report(RunSnapshot value) => Value = value;
    }

    private sealed class LineProgress(IAnsiConsole console) : IProgress<RunSnapshot>
    {
        private readonly Dictionary<string, string> lastLine = new(StringComparer.Ordinal);

        public void Report(RunSnapshot value)
        {
            foreach (var e in value.Executions)
            {
                var line = RunTables.Line(e, value.Elapsed);
                var key = e.ExecutionArn;
                var withoutTime = line[(line.IndexOf(']', StringComparison.Ordinal) + 1)..];
                if (!lastLine.TryGetValue(key, out var previous) || previous != withoutTime)
                {
                    lastLine[key] = withoutTime;
                    console.WriteLine(line);
                }
            }
        }
    }
}
