using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// previousEventId chains the events of one Parallel branch or Map iteration, as AWS's do, so a tool can tell the
/// iterations apart when they run at once (the console's iteration browser rebuilds them from it).
/// </summary>
public sealed class HistoryChainTests
{
    [Fact]
    public async Task MapIterations_RunningAtOnce_EachChainFromTheirIterationStarted()
    {
        await using var sfn = new SfnHarness();
        const string Definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":2,
              "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"P"},"P":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition), "[10,11,12]");
        var done = await sfn.RunToEndAsync(execution, TimeSpan.FromSeconds(10));
        Assert.Equal("SUCCEEDED", done.Status);
        var byId = done.History.ToDictionary(e => e.Id);

        // Two iterations wait at once, so their events interleave in id order; the chain still tells them apart.
        var entered = done.History.Where(e => e.Type == "WaitStateEntered").ToList();
        Assert.Equal(3, entered.Count);
        Assert.True(entered[1].Id < done.History.First(e => e.Type == "WaitStateExited").Id, "the iterations did not overlap");
        foreach (var wait in entered)
        {
            var started = byId[wait.PreviousEventId];
            Assert.Equal("MapIterationStarted", started.Type);
            var index = started.Details!["index"]!.GetValue<int>();
            Assert.Equal(10 + index, JsonNode.Parse(wait.Details!["input"]!.GetValue<string>())!.GetValue<int>());
            // Follow the iteration to its end: Wait exited, Pass entered and exited, then the iteration succeeded.
            var chain = Follow(done.History, wait).Select(e => e.Type).ToList();
            Assert.Equal(["WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "MapIterationSucceeded"], chain[..5]);
            var succeeded = Follow(done.History, wait).First(e => e.Type == "MapIterationSucceeded");
            Assert.Equal(index, succeeded.Details!["index"]!.GetValue<int>());
        }
        var mapStarted = done.History.Single(e => e.Type == "MapStateStarted");
        Assert.Equal(mapStarted.Id, done.History.Single(e => e.Type == "MapStateSucceeded").PreviousEventId);
        Assert.Equal(done.History.Single(e => e.Type == "MapStateSucceeded").Id, done.History.Single(e => e.Type == "MapStateExited").PreviousEventId);
    }

    [Fact]
    public async Task ParallelBranches_EachChainFromParallelStateStarted_AndTheMainPathFromItsOwnEvents()
    {
        await using var sfn = new SfnHarness();
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"After","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":5,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":5,"End":true}}}]},
             "After":{"Type":"Pass","End":true}}}
            """;
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition));
        var done = await sfn.RunToEndAsync(execution, TimeSpan.FromSeconds(5));
        Assert.Equal("SUCCEEDED", done.Status);

        var started = done.History.Single(e => e.Type == "ParallelStateStarted");
        var a = done.History.Single(e => e.Type == "WaitStateEntered" && e.Details!["name"]!.GetValue<string>() == "A");
        var b = done.History.Single(e => e.Type == "WaitStateEntered" && e.Details!["name"]!.GetValue<string>() == "B");
        Assert.Equal(started.Id, a.PreviousEventId);
        Assert.Equal(started.Id, b.PreviousEventId);
        Assert.Equal(a.Id, done.History.Single(e => e.Type == "WaitStateExited" && e.Details!["name"]!.GetValue<string>() == "A").PreviousEventId);
        Assert.Equal(b.Id, done.History.Single(e => e.Type == "WaitStateExited" && e.Details!["name"]!.GetValue<string>() == "B").PreviousEventId);
        Assert.Equal(started.Id, done.History.Single(e => e.Type == "ParallelStateSucceeded").PreviousEventId);
        // Outside the branches every event follows the one before it on the execution's path.
        var main = done.History.Where(e => e.Id <= started.Id || e.Id >= done.History.Single(x => x.Type == "ParallelStateSucceeded").Id).ToList();
        Assert.All(main.Skip(1).Zip(main), pair => Assert.Equal(pair.Second.Id, pair.First.PreviousEventId));
    }

    private static IEnumerable<HistoryEvent> Follow(IReadOnlyList<HistoryEvent> history, HistoryEvent from)
    {
        var current = from;
        yield return current;
        while (history.FirstOrDefault(e => e.PreviousEventId == current.Id && e.Type != "MapIterationStarted") is { } next)
        {
            yield return next;
            current = next;
        }
    }
}
