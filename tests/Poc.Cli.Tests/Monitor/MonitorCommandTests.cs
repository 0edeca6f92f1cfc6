using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Poc.Cli.Cli;
using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;

namespace Poc.Cli.Tests.Monitor;

public sealed class MonitorCommandTests : IDisposable
{
    private static readonly EndpointSettings Settings = new("http://127.0.0.1:4566", "us-east-1", EndpointSettings.DefaultRoleArn);
    private readonly StringWriter output = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => output.Dispose();

    private MonitorCommand Command() => new(MonitorRendering.PlainConsole(output), interactive: false, time);

    [Fact]
    public async Task RunAsync_Once_PrintsOneSnapshotAndExitsZero()
    {
        var calls = 0;

        var code = await Command().RunAsync(_ => { calls++; return Task.FromResult(MonitorViewTests.Snapshot()); }, new MonitorArgs(Settings, false, 2), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(1, calls);
        Assert.Single(output.ToString().Split('\n'), l => l.StartsWith("poc monitor ·", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NothingDeployed_IsAnExpectedFailure()
    {
        var empty = MonitorViewTests.Snapshot() with
        {
            StateMachines = [new StateMachineActivity("poc-callback-workflow", null, [])],
            Tokens = TokenTableStatus.Missing,
            Schedule = ScheduleStatus.Missing("poc-poller-schedule"),
        };

        var error = await Assert.ThrowsAsync<PocException>(() => Command().RunAsync(_ => Task.FromResult(empty), new MonitorArgs(Settings, true, 2), TestContext.Current.CancellationToken));

        Assert.Contains("Run 'poc deploy' first", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task RunAsync_Watch_RefreshesEveryIntervalKeepsTheLastSnapshotOnFailureAndStopsOnCancel()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var delays = Channel.CreateUnbounded<(TimeSpan Interval, TaskCompletionSource Done)>();
        var command = new MonitorCommand(MonitorRendering.PlainConsole(output), interactive: false, time, (interval, _) =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            delays.Writer.TryWrite((interval, done));
            return done.Task;
        });
        var calls = 0;
        Task<MonitorSnapshot> Collect(CancellationToken ct)
        {
            calls++;
            switch (calls)
            {
                case 1:
                    return Task.FromResult(MonitorViewTests.Snapshot());
                case 2:
                    throw new HttpRequestException("connection refused");
                default:
                    // What Ctrl+C does: the token is cancelled while a refresh is under way.
                    cts.Cancel();
                    ct.ThrowIfCancellationRequested();
                    throw new InvalidOperationException("not reached");
            }
        }

        var run = command.RunAsync(Collect, new MonitorArgs(Settings, true, 5), cts.Token);
        var first = await delays.Reader.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(5), first.Interval);
        time.Advance(first.Interval);
        first.Done.SetResult();
        var second = await delays.Reader.ReadAsync(TestContext.Current.CancellationToken);
        second.Done.SetResult();

        Assert.Equal(ExitCodes.Ok, await run);
        Assert.Equal(3, calls);
        var text = output.ToString();
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("poc monitor ·", StringComparison.Ordinal)));
        Assert.Contains("refresh at 10:00:05 failed: cannot reach the endpoint (connection refused)", text, StringComparison.Ordinal);
    }
}
