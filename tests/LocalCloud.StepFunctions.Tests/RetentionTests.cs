using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;
using LocalCloud.StepFunctions.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Finished executions are kept as AWS keeps them (90 days) but within a count, oldest forgotten first.</summary>
public sealed class RetentionTests
{
    private const string Pass = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private static async Task<string> RunAsync(SfnHarness sfn, string machine, string name)
    {
        var arn = await sfn.StartAsync(machine, "{}", name);
        await sfn.FinishedAsync(arn);
        return arn;
    }

    private static async Task<List<string>> ListAsync(SfnHarness sfn, string machine)
        => (await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, maxResults = 1000 }))["executions"]!.AsArray()
            .Select(e => e!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task OverTheCount_OldestFinishedAreForgotten()
    {
        await using var sfn = new SfnHarness(retention: new ExecutionRetention(TimeSpan.FromDays(90), 3));
        var machine = await sfn.CreateAsync(Pass);
        var arns = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            arns.Add(await RunAsync(sfn, machine, "e" + i));
            sfn.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["e4", "e3", "e2"], await ListAsync(sfn, machine));
        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("DescribeExecution", new { executionArn = arns[0] })).Code);
        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("GetExecutionHistory", new { executionArn = arns[1] })).Code);
        await sfn.OkAsync("DescribeExecution", new { executionArn = arns[2] });
    }

    [Fact]
    public async Task After90Days_AFinishedExecutionIsForgotten()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(Pass);
        var old = await RunAsync(sfn, machine, "old");
        sfn.Time.Advance(TimeSpan.FromDays(45));
        var recent = await RunAsync(sfn, machine, "recent");

        sfn.Time.Advance(TimeSpan.FromDays(45));
        await sfn.OkAsync("DescribeExecution", new { executionArn = old });
        sfn.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("DescribeExecution", new { executionArn = old })).Code);
        await sfn.OkAsync("DescribeExecution", new { executionArn = recent });
    }

    [Fact]
    public async Task RunningExecutions_AreNeverForgotten()
    {
        await using var sfn = new SfnHarness(retention: new ExecutionRetention(TimeSpan.FromMinutes(1), 1));
        var waiting = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback(""), "cb"), """{"job":"j"}""");
        await sfn.IdleAsync(waiting);
        var machine = await sfn.CreateAsync(Pass);
        for (var i = 0; i < 3; i++)
        {
            await RunAsync(sfn, machine, "e" + i);
        }
        sfn.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal("RUNNING", (await sfn.OkAsync("DescribeExecution", new { executionArn = waiting }))["status"]!.GetValue<string>());
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "{}" });
        Assert.Equal(ExecutionStatus.Succeeded, (await sfn.FinishedAsync(waiting)).Status);
    }

    [Fact]
    public async Task ForgottenExecution_LateCallback_TaskTimedOut_UnknownToken_TaskDoesNotExist()
    {
        await using var sfn = new SfnHarness(retention: new ExecutionRetention(TimeSpan.FromDays(90), 1));
        var callback = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback(""), "cb"), """{"job":"j"}""");
        await sfn.IdleAsync(callback);
        var token = sfn.TokenSent();
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = token, output = "{}" });
        await sfn.FinishedAsync(callback);
        sfn.Time.Advance(TimeSpan.FromSeconds(1));
        await RunAsync(sfn, await sfn.CreateAsync(Pass), "later");

        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("DescribeExecution", new { executionArn = callback })).Code);
        Assert.Equal("TaskTimedOut", (await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
        Assert.Equal("TaskTimedOut", (await sfn.ErrorAsync("SendTaskFailure", new { taskToken = token })).Code);
        Assert.Equal("TaskDoesNotExist", (await sfn.ErrorAsync("SendTaskHeartbeat", new { taskToken = TaskTokenRegistry.Mint() })).Code);
    }

    [Fact]
    public async Task DurableStore_IsTrimmedAlike_AndStaysTrimmedAfterARestart()
    {
        var store = new InMemoryDurableStore();
        var sfn = new SfnHarness(store, retention: new ExecutionRetention(TimeSpan.FromDays(90), 1));
        var callback = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback(""), "cb"), """{"job":"j"}""");
        await sfn.IdleAsync(callback);
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "{}" });
        await sfn.FinishedAsync(callback);
        sfn.Time.Advance(TimeSpan.FromSeconds(1));
        var kept = await RunAsync(sfn, await sfn.CreateAsync(Pass), "kept");

        Assert.Equal([kept], store.Load(StatesCollections.Executions).Select(r => r.Key));
        Assert.All(store.Load(StatesCollections.History), r => Assert.StartsWith(kept + "/", r.Key, StringComparison.Ordinal));
        Assert.Empty(store.Load(StatesCollections.Checkpoints));
        Assert.Empty(store.Load(StatesCollections.Callbacks));

        // 90 days later the last one is past its age too: the restart forgets it and deletes its records.
        await using var after = sfn.Restart(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1));
        Assert.Equal("ExecutionDoesNotExist", (await after.ErrorAsync("DescribeExecution", new { executionArn = kept })).Code);
        Assert.Empty(store.Load(StatesCollections.Executions));
        Assert.Empty(store.Load(StatesCollections.History));
    }

    /// <summary>
    /// 100,000 finished executions with a cap of 1,000: the registry holds the cap, not the total. Counts, not
    /// timings; the heap figures go to the test output (GC.GetTotalMemory after a full collection).
    /// </summary>
    [Fact]
    public async Task HundredThousandExecutions_MemoryStaysAtTheCap()
    {
        const int cap = 1000;
        await using var sfn = new SfnHarness(retention: new ExecutionRetention(TimeSpan.FromDays(90), cap));
        var machine = await sfn.CreateAsync(Pass);
        long afterCap = 0;
        for (var i = 0; i < 100_000; i++)
        {
            await RunAsync(sfn, machine, "e" + i);
            if (i + 1 == 2 * cap)
            {
                afterCap = GC.GetTotalMemory(forceFullCollection: true);
            }
        }
        var end = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(cap, (await ListAsync(sfn, machine)).Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"heap after {2 * cap:N0} executions: {afterCap:N0} B; after 100,000: {end:N0} B");
    }
}
