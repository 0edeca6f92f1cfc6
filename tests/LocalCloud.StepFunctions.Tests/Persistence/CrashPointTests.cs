using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Persistence;
using LocalCloud.StepFunctions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.StepFunctions.Tests.Persistence;

/// <summary>
/// A crash after any one write, followed by a restart, ends with exactly the history of a run that never
/// crashed: no event lost, none written twice, the same output.
/// </summary>
public sealed class CrashPointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crash_AfterEveryWrite_PollingLoopEndsWithTheSameHistory()
    {
        var clock = new FakeTimeProvider(SfnHarness.Epoch);
        var recording = new SnapshottingStore(clock);
        var reference = await RunAsync(recording, clock);

        var checkedPoints = 0;
        foreach (var snapshot in recording.Snapshots.Where(s => s.Store.Load(StatesCollections.Executions).Count > 0))
        {
            await using var restarted = new SfnHarness(snapshot.Store, snapshot.Time, s => CallbackDefinitions.ScriptCheck(s.Lambda));
            var done = await restarted.RunToEndAsync(reference.ExecutionArn, TimeSpan.FromSeconds(5));
            Assert.True(SfnHarness.Types(reference).SequenceEqual(SfnHarness.Types(done)),
                $"crash after write {recording.Snapshots.IndexOf(snapshot)} ({string.Join(", ", snapshot.LastWrite.Select(c => c.Key))}): {string.Join(", ", SfnHarness.Types(done))}");
            Assert.Equal(reference.Output, done.Output);
            checkedPoints++;
        }
        Assert.True(checkedPoints > 30, $"only {checkedPoints} crash points");

        static async Task<Engine.ExecutionSnapshot> RunAsync(IDurableStore store, FakeTimeProvider clock)
        {
            var sfn = new SfnHarness(store, clock.GetUtcNow(), s => CallbackDefinitions.ScriptCheck(s.Lambda));
            var execution = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.PollingLoop), """{"n":0}""");
            var finished = sfn.FinishedAsync(execution);
            while (!finished.IsCompleted)
            {
                await sfn.IdleAsync(execution);
                if (!finished.IsCompleted)
                {
                    // The recording store reads this clock; the harness's own clock drives the run.
                    sfn.Time.Advance(TimeSpan.FromSeconds(5));
                    clock.Advance(TimeSpan.FromSeconds(5));
                }
            }
            return await finished;
        }
    }

    [Fact]
    public async Task Crash_AfterEveryWrite_CallbackEndsWithTheSameHistoryAndAnAcknowledgedCallbackCounts()
    {
        var clock = new FakeTimeProvider(SfnHarness.Epoch);
        var recording = new SnapshottingStore(clock);
        var sfn = new SfnHarness(recording);
        var execution = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback("\"TimeoutSeconds\": 600, \"HeartbeatSeconds\": 100,")), """{"job":"j"}""");
        await sfn.IdleAsync(execution);
        var token = sfn.TokenSent();
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10));
        await sfn.OkAsync("SendTaskHeartbeat", new { taskToken = token });
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = token, output = """{"r":1}""" });
        var reference = await sfn.FinishedAsync(execution);
        var acknowledged = recording.Snapshots.FindIndex(s => s.LastWrite.Any(c =>
            c is DurableChange.Put { Collection: StatesCollections.Callbacks } put && put.Value.Contains("\"outcome\"", StringComparison.Ordinal)));
        Assert.True(acknowledged > 0, "SendTaskSuccess wrote nothing of its own");

        for (var i = 0; i < recording.Snapshots.Count; i++)
        {
            var snapshot = recording.Snapshots[i];
            if (snapshot.Store.Load(StatesCollections.Executions).Count == 0)
            {
                continue;
            }
            await using var restarted = new SfnHarness(snapshot.Store, snapshot.Time);
            var finished = restarted.FinishedAsync(execution);
            await restarted.IdleAsync(execution);
            if (i < acknowledged)
            {
                // The worker got no answer before the crash, so it calls again: with the token it was sent, the old one or a new one.
                Assert.False(finished.IsCompleted, $"crash after write {i}: finished before the callback");
                var current = restarted.Lambda.Invocations.IsEmpty ? token : restarted.TokenSent(restarted.Lambda.Invocations.Count - 1);
                await restarted.OkAsync("SendTaskSuccess", new { taskToken = current, output = """{"r":1}""" });
            }
            else
            {
                Assert.True(finished.IsCompleted, $"crash after write {i}: the acknowledged SendTaskSuccess was lost");
            }
            var done = await finished.WaitAsync(Ct);
            Assert.True(SfnHarness.Types(reference).SequenceEqual(SfnHarness.Types(done)), $"crash after write {i}: {string.Join(", ", SfnHarness.Types(done))}");
            Assert.Equal(reference.Output, done.Output);
        }
    }
}
