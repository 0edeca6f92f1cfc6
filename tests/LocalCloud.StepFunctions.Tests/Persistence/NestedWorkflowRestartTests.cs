using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests.Persistence;

/// <summary>A parent waiting on a .sync child when LocalCloud dies: after the restart it completes when the child does, and no second child starts.</summary>
public sealed class NestedWorkflowRestartTests
{
    private const string WaitingChild = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"P"},"P":{"Type":"Pass","Result":{"done":true},"End":true}}}""";

    private static async Task<(SfnHarness Sfn, string Parent, string Child, string ChildMachine)> WaitingAsync(string action)
    {
        var sfn = new SfnHarness(new InMemoryDurableStore());
        var childMachine = await sfn.CreateAsync(WaitingChild, "child");
        var parent = await sfn.CreateAsync("""{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:""" + action
            + "\",\"Parameters\":{\"StateMachineArn\":\"" + childMachine + "\"},\"End\":true}}}", "parent");
        var run = await sfn.StartAsync(parent);
        await sfn.IdleAsync(run);
        var submitted = sfn.Service.Executions.Find(run)!.Snapshot().History.Single(e => e.Type == "TaskSubmitted").Details!["output"]!.GetValue<string>();
        return (sfn, run, JsonNode.Parse(submitted)!["ExecutionArn"]!.GetValue<string>(), childMachine);
    }

    [Fact]
    public async Task Restart_ParentWaitingOnSyncChild_CompletesWhenChildDoes()
    {
        var (before, parent, child, childMachine) = await WaitingAsync("startExecution.sync:2");
        before.Time.Advance(TimeSpan.FromSeconds(20));
        await before.IdleAsync(child);

        await using var after = before.Restart(TimeSpan.FromSeconds(10));
        await after.IdleAsync(parent);
        Assert.Equal("RUNNING", (await after.OkAsync("DescribeExecution", new { executionArn = parent }))["status"]!.GetValue<string>());
        var done = await after.RunToEndAsync(parent, TimeSpan.FromSeconds(10));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal(child, output["ExecutionArn"]!.GetValue<string>());
        Assert.True(output["Output"]!["done"]!.GetValue<bool>());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        Assert.All(done.History, e => Assert.Equal(e.Id - 1, e.PreviousEventId));
        // The child's Wait keeps its deadline (60 s after it started), and the restart started no second child.
        Assert.Equal(SfnHarness.Epoch.AddSeconds(60).ToUnixTimeMilliseconds(), output["StopDate"]!.GetValue<long>());
        Assert.Single((await after.OkAsync("ListExecutions", new { stateMachineArn = childMachine }))["executions"]!.AsArray());
    }

    [Fact]
    public async Task Restart_ChildEndedWhileDown_ParentCompletesAtOnce()
    {
        var (before, parent, child, _) = await WaitingAsync("startExecution.sync");

        await using var after = before.Restart(TimeSpan.FromMinutes(5));
        var done = await after.RunToEndAsync(parent, TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"done":true}""", JsonNode.Parse(done.Output!)!["Output"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", (await after.FinishedAsync(child)).Status);
    }

    [Fact]
    public async Task Restart_ThenStopParent_StopsChild()
    {
        var (before, parent, child, _) = await WaitingAsync("startExecution.sync");

        await using var after = before.Restart();
        await after.IdleAsync(parent);
        await after.OkAsync("StopExecution", new { executionArn = parent });

        Assert.Equal("ABORTED", (await after.FinishedAsync(child)).Status);
    }
}
