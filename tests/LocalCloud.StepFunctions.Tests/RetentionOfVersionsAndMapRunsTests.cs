using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// What other components remember about an execution — the version and alias it ran, the Map Runs it started — is
/// forgotten with it, so retention's cap bounds them too (they used to stay for ever, in memory and in the store).
/// </summary>
public sealed class RetentionOfVersionsAndMapRunsTests
{
    private const string Pass = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private const string DistributedPass = """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
        """;

    [Fact]
    public async Task ForgottenExecution_TakesItsVersionRecordWithIt_InMemoryAndInTheStore()
    {
        var store = new InMemoryDurableStore();
        var sfn = new SfnHarness(store, retention: new ExecutionRetention(TimeSpan.FromDays(90), 1));
        var created = await sfn.OkAsync("CreateStateMachine", new { name = "sm", definition = Pass, roleArn = SfnHarness.Role, publish = true });
        var version = created["stateMachineVersionArn"]!.GetValue<string>();
        var executions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var arn = await sfn.StartAsync(version, "{}", "e" + i);
            await sfn.FinishedAsync(arn);
            executions.Add(arn);
            sfn.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([executions[2]], store.Load(VersionCollections.Executions).Select(r => r.Key));
        var listed = (await sfn.OkAsync("ListExecutions", new { stateMachineArn = version }))["executions"]!.AsArray();
        Assert.Equal(executions[2], Assert.Single(listed)!["executionArn"]!.GetValue<string>());

        // Past its age the last one goes at the restart, with its version record.
        await using var after = sfn.Restart(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1));
        Assert.Empty(store.Load(StatesCollections.Executions));
        Assert.Empty(store.Load(VersionCollections.Executions));
        Assert.Empty((await after.OkAsync("ListExecutions", new { stateMachineArn = version }))["executions"]!.AsArray());
        await sfn.DisposeAsync();
    }

    [Fact]
    public async Task ForgottenParent_TakesItsMapRunsWithIt_InMemoryAndInTheStore()
    {
        var store = new InMemoryDurableStore();
        // A parent with one item is two executions (it and its child): a cap of 2 keeps only the newest parent and child.
        var sfn = new SfnHarness(store, retention: new ExecutionRetention(TimeSpan.FromDays(90), 2));
        var machine = await sfn.CreateAsync(DistributedPass);
        var first = await sfn.StartAsync(machine, "[1]", "first");
        var firstDone = await sfn.FinishedAsync(first);
        var firstRun = firstDone.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        sfn.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await sfn.StartAsync(machine, "[2]", "second");
        var secondDone = await sfn.FinishedAsync(second);
        var secondRun = secondDone.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();

        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("DescribeMapRun", new { mapRunArn = firstRun })).Code);
        await sfn.OkAsync("DescribeMapRun", new { mapRunArn = secondRun });
        Assert.Equal([secondRun], store.Load(MapRunDocument.Collection).Select(r => r.Key));
        await sfn.DisposeAsync();
    }

    [Fact]
    public async Task StoredMapRunWhoseParentIsGone_IsDeletedAtStart()
    {
        var store = new InMemoryDurableStore();
        var sfn = new SfnHarness(store);
        var execution = await sfn.StartAsync(await sfn.CreateAsync(DistributedPass), "[1]");
        var done = await sfn.FinishedAsync(execution);
        var run = done.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        await sfn.DisposeAsync();
        // As if a crash came between the parent's delete and its runs'.
        store.Write([new DurableChange.Delete(StatesCollections.Executions, execution)]);

        await using var after = sfn.Restart();

        Assert.Equal("ResourceNotFound", (await after.ErrorAsync("DescribeMapRun", new { mapRunArn = run })).Code);
        Assert.Empty(store.Load(MapRunDocument.Collection));
    }
}
