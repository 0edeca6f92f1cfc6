using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>UpdateMapRun's MaxConcurrency takes effect on a running Map Run: higher starts more children at once, lower fewer.</summary>
public sealed class MapRunConcurrencyTests
{
    // Each child waits 10 s, so the children running at once can be counted before the clock moves.
    private static string Definition(int maxConcurrency) => """
        {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":MAX,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},"End":true}}}
        """.Replace("MAX", maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static async Task<int> RunningChildrenAsync(SfnHarness sfn, string mapRunArn)
        => (await sfn.OkAsync("ListExecutions", new { mapRunArn, statusFilter = "RUNNING" }))["executions"]!.AsArray().Count;

    private static async Task<string> MapRunOfAsync(SfnHarness sfn, string execution)
        => (await sfn.OkAsync("ListMapRuns", new { executionArn = execution }))["mapRuns"]![0]!["mapRunArn"]!.GetValue<string>();

    private static async Task<List<string>> RunningChildArnsAsync(SfnHarness sfn, string mapRunArn)
        => (await sfn.OkAsync("ListExecutions", new { mapRunArn, statusFilter = "RUNNING" }))["executions"]!.AsArray()
            .Select(e => e!["executionArn"]!.GetValue<string>()).ToList();

    /// <summary>
    /// Waits until the parent and every running child are parked. A child starts on its own task, so one started as
    /// another ended may not have entered its Wait yet: the running set is listed again until it stops changing. Nor may
    /// the next child have started at all when the last one ended: while items are left, an empty set is not settled
    /// (the parent counts as idle during a Distributed Map, and under a starved thread pool this loop, whose calls
    /// complete synchronously, could otherwise advance the clock 20 times before the worker's continuation ran: it hung CI).
    /// </summary>
    private static async Task SettleAsync(SfnHarness sfn, string execution, string mapRunArn)
    {
        // A guard so that a run which stops starting children fails the test instead of hanging it; not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(guard.IsCancellationRequested, "the Map Run had items left but started no child for 2 minutes");
            await sfn.IdleAsync(execution);
            var running = await RunningChildArnsAsync(sfn, mapRunArn);
            if (running.Count == 0 && await ItemsLeftAsync(sfn, mapRunArn))
            {
                await Task.Yield();
                continue;
            }
            foreach (var child in running)
            {
                await sfn.IdleAsync(child);
            }
            await sfn.IdleAsync(execution);
            if ((await RunningChildArnsAsync(sfn, mapRunArn)).SequenceEqual(running))
            {
                return;
            }
        }
    }

    private static async Task<bool> ItemsLeftAsync(SfnHarness sfn, string mapRunArn)
    {
        var items = (await sfn.OkAsync("DescribeMapRun", new { mapRunArn }))["itemCounts"]!;
        return items["succeeded"]!.GetValue<long>() + items["failed"]!.GetValue<long>() + items["aborted"]!.GetValue<long>()
            + items["timedOut"]!.GetValue<long>() < items["total"]!.GetValue<long>();
    }

    /// <summary>Advances the clock 10 s at a time once everything is parked, until the parent ends; returns the children running at each step.</summary>
    private static async Task<List<int>> StepToEndAsync(SfnHarness sfn, string execution, string mapRunArn)
    {
        var runningAtEachStep = new List<int>();
        var finished = sfn.FinishedAsync(execution);
        for (var i = 0; i < 20 && !finished.IsCompleted; i++)
        {
            await SettleAsync(sfn, execution, mapRunArn);
            if (!finished.IsCompleted)
            {
                runningAtEachStep.Add(await RunningChildrenAsync(sfn, mapRunArn));
                sfn.Time.Advance(TimeSpan.FromSeconds(10));
            }
        }
        // Fails rather than hangs should the run stop advancing (a guard, not a timing assertion: the clock is fake).
        await finished.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        return runningAtEachStep;
    }

    [Fact]
    public async Task HigherMaxConcurrency_StartsMoreChildrenAtOnce()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition(1)), "[1,2,3,4,5]");
        await sfn.IdleAsync(execution);
        var mapRunArn = await MapRunOfAsync(sfn, execution);
        await SettleAsync(sfn, execution, mapRunArn);
        Assert.Equal(1, await RunningChildrenAsync(sfn, mapRunArn));

        await sfn.OkAsync("UpdateMapRun", new { mapRunArn, maxConcurrency = 3 });

        Assert.Equal(3, await RunningChildrenAsync(sfn, mapRunArn));
        Assert.Equal(3, (await sfn.OkAsync("DescribeMapRun", new { mapRunArn }))["executionCounts"]!["running"]!.GetValue<long>());
        // 3 at once, then the last 2: every item still runs exactly once and the Map ends.
        Assert.Equal([3, 2], await StepToEndAsync(sfn, execution, mapRunArn));
        var described = await sfn.OkAsync("DescribeMapRun", new { mapRunArn });
        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        Assert.Equal(5, described["executionCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal("[1,2,3,4,5]", (await sfn.FinishedAsync(execution)).Output);
    }

    [Fact]
    public async Task MaxConcurrencyZero_StartsEveryRemainingItem()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition(2)), "[1,2,3,4,5,6]");
        await sfn.IdleAsync(execution);
        var mapRunArn = await MapRunOfAsync(sfn, execution);
        await SettleAsync(sfn, execution, mapRunArn);
        Assert.Equal(2, await RunningChildrenAsync(sfn, mapRunArn));

        await sfn.OkAsync("UpdateMapRun", new { mapRunArn, maxConcurrency = 0 });

        Assert.Equal(6, await RunningChildrenAsync(sfn, mapRunArn));
        Assert.Equal([6], await StepToEndAsync(sfn, execution, mapRunArn));
    }

    [Fact]
    public async Task LowerMaxConcurrency_RunsFewerAtOnceFromTheNextItem()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition(3)), "[1,2,3,4,5,6,7]");
        await sfn.IdleAsync(execution);
        var mapRunArn = await MapRunOfAsync(sfn, execution);
        await SettleAsync(sfn, execution, mapRunArn);

        await sfn.OkAsync("UpdateMapRun", new { mapRunArn, maxConcurrency = 1 });

        // The 3 running children finish; then one at a time.
        Assert.Equal([3, 1, 1, 1, 1], await StepToEndAsync(sfn, execution, mapRunArn));
    }
}
