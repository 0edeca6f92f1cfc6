using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>The execution on its own: one Append, typed endings, the first ending wins.</summary>
public sealed class ExecutionTests
{
    private static Execution NewExecution(FakeTimeProvider time)
        => new("arn:aws:states:us-east-1:000000000000:execution:m:e", "e",
            new StateMachineVersion("arn:aws:states:us-east-1:000000000000:stateMachine:m", "m", "role",
                new StateMachineDefinition("A", new Dictionary<string, State>(), null, null)),
            "{}", new RequestContext("000000000000", "us-east-1", "r"), time);

    [Fact]
    public void Append_AfterTheEnd_ThrowsAndWritesNothing()
    {
        using var execution = NewExecution(new FakeTimeProvider());
        execution.Append("ExecutionStarted");
        Assert.True(execution.Succeed("{\"a\":1}"));

        Assert.Throws<OperationCanceledException>(() => execution.Append("PassStateEntered"));
        var snapshot = execution.Snapshot();
        Assert.Equal(["ExecutionStarted", "ExecutionSucceeded"], snapshot.History.Select(e => e.Type));
        Assert.Equal(ExecutionStatus.Succeeded, snapshot.Status);
        Assert.Equal("{\"a\":1}", snapshot.Output);
    }

    [Fact]
    public void Endings_FirstWins_LaterOnesChangeNothing()
    {
        var time = new FakeTimeProvider();
        using var execution = NewExecution(time);
        Assert.True(execution.Abort("Stopped", "by a test"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(execution.TimeOut());
        Assert.False(execution.Fail("E", "c"));
        Assert.False(execution.Succeed("{}"));
        Assert.Equal(ExecutionStatus.Aborted, execution.Status);
        Assert.Equal(("Stopped", "by a test"), (execution.Error, execution.Cause));
        Assert.Equal(time.GetUtcNow().AddSeconds(-5), execution.StopDate);
        Assert.True(execution.Stopping.IsCancellationRequested);
        Assert.True(execution.Idle.WhenIdleAsync().IsCompleted);
    }

    [Fact]
    public void TimeOut_WritesStatesTimeout()
    {
        using var execution = NewExecution(new FakeTimeProvider());
        Assert.True(execution.TimeOut());
        var last = execution.Snapshot().History[^1];
        Assert.Equal("ExecutionTimedOut", last.Type);
        Assert.Equal("States.Timeout", last.Details!["error"]!.GetValue<string>());
        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout", (string?)null), (execution.Status, execution.Error, execution.Cause));
    }

    [Fact]
    public void Fail_WithAnEmptyError_ShowsNone()
    {
        using var execution = NewExecution(new FakeTimeProvider());
        Assert.True(execution.Fail(string.Empty, "why"));
        Assert.Null(execution.Error);
        Assert.Equal("why", execution.Cause);
        Assert.False(execution.Snapshot().History[^1].Details!.ContainsKey("error"));
    }

    [Fact]
    public async Task Idle_WhenEveryStrandIsParked()
    {
        using var execution = NewExecution(new FakeTimeProvider());
        var idle = execution.Idle;
        var waiting = new TaskCompletionSource();
        idle.AddStrands(1);
        idle.Park(waiting.Task);
        var whenIdle = idle.WhenIdleAsync();
        Assert.False(whenIdle.IsCompleted);

        idle.EndStrand(() => { });
        await whenIdle.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        idle.Wake(() => waiting.TrySetResult());
        Assert.False(idle.WhenIdleAsync().IsCompleted);
    }
}
