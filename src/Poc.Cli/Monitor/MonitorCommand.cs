using Poc.Cli.Cli;
using Poc.Cli.Endpoints;
using Spectre.Console;

namespace Poc.Cli.Monitor;

/// <summary>
/// poc monitor: print one snapshot, or with --watch redraw it every interval until Ctrl+C (in place on a terminal,
/// one snapshot after another when output is redirected). Ctrl+C is how --watch is meant to end, so it exits 0.
/// </summary>
/// <param name="console">Where the view goes.</param>
/// <param name="interactive">Redraw in place (a terminal) rather than print snapshot after snapshot.</param>
/// <param name="time">The clock of the refresh interval and of the failure messages.</param>
/// <param name="delay">Waits between refreshes; tests replace it to step the loop one refresh at a time.</param>
public sealed class MonitorCommand(IAnsiConsole console, bool interactive, TimeProvider time, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> wait = delay ?? ((interval, ct) => Task.Delay(interval, time, ct));

    /// <summary>Resolves the endpoint and monitors it.</summary>
    public static async Task<int> RunAsync(MonitorArgs args, Func<string, string?> environment, IAnsiConsole console, bool interactive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var env = await PocEnvironment.ResolveAsync(args.Endpoint, environment, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var collector = new MonitorCollector(MonitorSources.For(env, http), env.Time);
        return await new MonitorCommand(console, interactive, env.Time).RunAsync(collector.CollectAsync, args, ct);
    }

    /// <summary>Monitors with <paramref name="collect"/>; a first snapshot with nothing deployed is an expected failure.</summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task<MonitorSnapshot>> collect, MonitorArgs args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(collect);
        ArgumentNullException.ThrowIfNull(args);
        var snapshot = await collect(ct);
        if (snapshot.NothingDeployed)
        {
            throw new PocException(MonitorMessages.NothingDeployed(snapshot.Where));
        }

        if (!args.Watch)
        {
            console.Write(MonitorView.Build(snapshot));
            return ExitCodes.Ok;
        }

        var interval = TimeSpan.FromSeconds(args.IntervalSeconds);
        try
        {
            if (interactive)
            {
                await console.Live(MonitorView.Build(snapshot))
                    .AutoClear(false)
                    .Overflow(VerticalOverflow.Ellipsis)
                    .Cropping(VerticalOverflowCropping.Bottom)
                    .StartAsync(async live =>
                    {
                        while (true)
                        {
                            await wait(interval, ct);
                            (snapshot, var problem) = await RefreshAsync(collect, snapshot, ct);
                            live.UpdateTarget(MonitorView.Build(snapshot, problem));
                        }
                    });
            }
            else
            {
                console.Write(MonitorView.Build(snapshot));
                while (true)
                {
                    await wait(interval, ct);
                    (snapshot, var problem) = await RefreshAsync(collect, snapshot, ct);
                    console.WriteLine();
                    console.Write(MonitorView.Build(snapshot, problem));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: how --watch is meant to end.
        }

        return ExitCodes.Ok;
    }

    // A refresh that fails (the endpoint restarting, a throttled call) keeps the last snapshot on screen and says why.
    private async Task<(MonitorSnapshot Snapshot, string? Problem)> RefreshAsync(
        Func<CancellationToken, Task<MonitorSnapshot>> collect, MonitorSnapshot last, CancellationToken ct)
    {
        try
        {
            return (await collect(ct), null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && ExpectedFailure.Describe(e) is { } reason)
        {
            return (last, MonitorMessages.RefreshFailed(time.GetUtcNow().UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), reason));
        }
    }
}
