using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Concurrency of Map and Parallel on a fake clock: strands park independently, no thread each.</summary>
public sealed class ParallelMapTests
{
    private static string WaitingMap(string concurrency)
        => """{"StartAt":"Each","States":{"Each":{"Type":"Map",""" + concurrency
            + ""","ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},"End":true}}}""";

    private static string ParallelOf(string branch)
        => """{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[""" + branch + "," + branch + """],"End":true}}}""";

    private static async Task<int> CountAsync(SfnHarness sfn, string execution, string type)
        => (await sfn.OkAsync("GetExecutionHistory", new { executionArn = execution, maxResults = 1000 }))["events"]!.AsArray()
            .Count(e => e!["type"]!.GetValue<string>() == type);

    [Fact]
    public async Task Map_MaxConcurrencyTwo_RunsTwoAtATimeOnTheClock()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(WaitingMap("\"MaxConcurrency\":2")), "[1,2,3,4,5]");

        await sfn.IdleAsync(execution);
        Assert.Equal(2, await CountAsync(sfn, execution, "MapIterationStarted"));
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        await sfn.IdleAsync(execution);
        Assert.Equal(4, await CountAsync(sfn, execution, "MapIterationStarted"));
        Assert.Equal(2, await CountAsync(sfn, execution, "MapIterationSucceeded"));
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        await sfn.IdleAsync(execution);
        Assert.Equal(5, await CountAsync(sfn, execution, "MapIterationStarted"));
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("[1,2,3,4,5]", done.Output);
        Assert.Equal(TimeSpan.FromSeconds(30), done.StopDate - done.StartDate);
    }

    [Fact]
    public async Task Map_MaxConcurrencyPathZero_AllAtOnce()
    {
        await using var sfn = new SfnHarness();
        var definition = WaitingMap("\"MaxConcurrencyPath\":\"$.limit\",\"ItemsPath\":\"$.items\"");
        var execution = await sfn.StartAsync(await sfn.CreateAsync(definition), """{"limit":0,"items":[1,2,3,4,5,6]}""");

        await sfn.IdleAsync(execution);
        Assert.Equal(6, await CountAsync(sfn, execution, "MapIterationStarted"));
        sfn.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal(TimeSpan.FromSeconds(10), done.StopDate - done.StartDate);
    }

    [Fact]
    public async Task Map_IterationStartedDetails_NameAndIndex()
    {
        await using var sfn = new SfnHarness();
        var execution = await sfn.StartAsync(await sfn.CreateAsync(WaitingMap("\"MaxConcurrency\":1")), "[7]");
        var done = await sfn.RunToEndAsync(execution, TimeSpan.FromSeconds(10));

        var started = done.History.Single(e => e.Type == "MapStateStarted");
        Assert.Equal("mapStateStartedEventDetails", started.DetailsMember);
        Assert.Equal(1, started.Details!["length"]!.GetValue<int>());
        var iteration = done.History.Single(e => e.Type == "MapIterationSucceeded");
        Assert.Equal("mapIterationSucceededEventDetails", iteration.DetailsMember);
        Assert.Equal("Each", iteration.Details!["name"]!.GetValue<string>());
        Assert.Equal(0, iteration.Details!["index"]!.GetValue<int>());
    }

    [Fact]
    public async Task Parallel_TwoCallbackBranches_BothTokensOpenAtOnce()
    {
        await using var sfn = new SfnHarness();
        const string branch = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"cb","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
            """;
        var execution = await sfn.StartAsync(await sfn.CreateAsync(ParallelOf(branch)));
        await sfn.IdleAsync(execution);

        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(1), output = "\"second\"" });
        await sfn.IdleAsync(execution);
        Assert.False(sfn.FinishedAsync(execution).IsCompleted);
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(0), output = "\"first\"" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""["first","second"]""", done.Output);
    }

    [Fact]
    public async Task Parallel_StopExecution_AbortsEveryBranch()
    {
        await using var sfn = new SfnHarness();
        const string branch = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""";
        var execution = await sfn.StartAsync(await sfn.CreateAsync(ParallelOf(branch)));
        await sfn.IdleAsync(execution);

        await sfn.OkAsync("StopExecution", new { executionArn = execution, error = "Stop" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("ABORTED", done.Status);
        Assert.Equal("ExecutionAborted", done.History[^1].Type);
        sfn.Time.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal(done.History.Count, (await sfn.FinishedAsync(execution)).History.Count);
    }

    [Fact]
    public async Task Map_OneIterationFails_OthersAborted()
    {
        await using var sfn = new SfnHarness();
        const string definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemProcessor":{"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Bad"}],"Default":"W"},
              "W":{"Type":"Wait","Seconds":100,"End":true},"Bad":{"Type":"Fail","Error":"Two"}}},"End":true}}}
            """;
        var execution = await sfn.StartAsync(await sfn.CreateAsync(definition), "[1,3,2]");
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("Two", done.Error);
        var types = SfnHarness.Types(done).ToList();
        Assert.Equal(2, types.Count(t => t == "MapIterationAborted"));
        Assert.Equal(2, types.Count(t => t == "WaitStateAborted"));
        Assert.True(types.IndexOf("MapStateFailed") > types.LastIndexOf("MapIterationAborted"));
    }

    [Theory]
    [InlineData("""{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"SIDEWAYS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""", "/States/M/ItemProcessor/ProcessorConfig/Mode")]
    [InlineData("""{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Next":"Q"}}},"End":true}""", "MISSING_TRANSITION_TARGET: Missing 'Next' target: Q at /States/M/ItemProcessor/States/P/Next")]
    [InlineData("""{"Type":"Map","End":true}""", "These fields are required: [ItemProcessor] at /States/M")]
    [InlineData("""{"Type":"Map","MaxConcurrency":-1,"Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""", "/States/M/MaxConcurrency")]
    [InlineData("""{"Type":"Parallel","Branches":[],"End":true}""", "'Branches' must be a non-empty array at /States/M/Branches")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"P":{"Type":"Pass","End":true}}}],"End":true}""", "Missing 'Next' target: X at /States/M/Branches[0]/StartAt")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","Bogus":1,"End":true}}}],"End":true}""", "Field 'Bogus' is not supported at /States/M/Branches[0]/States/P")]
    public async Task CreateStateMachine_BadMapOrParallel_InvalidDefinitionWithLocation(string state, string expected)
    {
        await using var sfn = new SfnHarness();
        var definition = new JsonObject { ["StartAt"] = "M", ["States"] = new JsonObject { ["M"] = JsonNode.Parse(state) } }.ToJsonString();
        var (code, message) = await sfn.ErrorAsync("CreateStateMachine", new { name = "m", definition, roleArn = SfnHarness.Role });
        Assert.Equal("InvalidDefinition", code);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
