using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>ValidateStateMachineDefinition, DescribeStateMachineForExecution, tags, limits.</summary>
public sealed class ApiMoreTests
{
    private static readonly string[] UntagKeys = ["env", "absent"];

    private const string PassDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task ValidateStateMachineDefinition_Valid_Ok()
    {
        await using var sfn = new SfnHarness();
        var result = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition = PassDefinition });
        Assert.Equal("OK", result["result"]!.GetValue<string>());
        Assert.Empty(result["diagnostics"]!.AsArray());
        Assert.False(result["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_Invalid_FailWithDiagnostics()
    {
        await using var sfn = new SfnHarness();
        const string definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"},"B":{"Type":"Wait","End":true}}}""";
        var result = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition });

        Assert.Equal("FAIL", result["result"]!.GetValue<string>());
        var first = result["diagnostics"]!.AsArray()[0]!;
        Assert.Equal("ERROR", first["severity"]!.GetValue<string>());
        Assert.Equal("SCHEMA_VALIDATION_FAILED", first["code"]!.GetValue<string>());
        Assert.Equal("Exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath' is required", first["message"]!.GetValue<string>());
        Assert.Equal("/States/B", first["location"]!.GetValue<string>());

        var truncated = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition = """{"States":{"A":{"Type":"Nope"},"B":{"Type":"Nope"}}}""", maxResults = 1 });
        Assert.Single(truncated["diagnostics"]!.AsArray());
        Assert.True(truncated["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_NotJson_FailsWithInvalidJson()
    {
        await using var sfn = new SfnHarness();
        var result = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition = "{not json" });
        Assert.Equal("INVALID_JSON_DESCRIPTION", result["diagnostics"]!.AsArray()[0]!["code"]!.GetValue<string>());
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("ValidateStateMachineDefinition", new { definition = PassDefinition, maxResults = 101 })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("ValidateStateMachineDefinition", new { })).Code);
    }

    [Fact]
    public async Task DescribeStateMachineForExecution_ShowsTheVersionTheExecutionStartedWith()
    {
        await using var sfn = new SfnHarness();
        const string waiting = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""";
        var machine = await sfn.CreateAsync(waiting);
        var execution = await sfn.StartAsync(machine);
        sfn.Time.Advance(TimeSpan.FromSeconds(1));
        await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = machine, definition = PassDefinition });

        var described = await sfn.OkAsync("DescribeStateMachineForExecution", new { executionArn = execution });

        Assert.Equal(machine, described["stateMachineArn"]!.GetValue<string>());
        Assert.Equal("sm", described["name"]!.GetValue<string>());
        Assert.Equal(waiting, described["definition"]!.GetValue<string>());
        Assert.Equal(SfnHarness.Role, described["roleArn"]!.GetValue<string>());
        Assert.Equal(1735689600m, described["updateDate"]!.GetValue<decimal>());
        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("DescribeStateMachineForExecution",
            new { executionArn = "arn:aws:states:us-east-1:000000000000:execution:sm:none" })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DescribeStateMachineForExecution", new { executionArn = "bad" })).Code);
    }

    [Fact]
    public async Task Tags_CreateTagUntagList_RoundTrip()
    {
        await using var sfn = new SfnHarness();
        var arn = (await sfn.OkAsync("CreateStateMachine", new
        {
            name = "tagged",
            definition = PassDefinition,
            roleArn = SfnHarness.Role,
            tags = new[] { new { key = "team", value = "a" } },
        }))["stateMachineArn"]!.GetValue<string>();

        await sfn.OkAsync("TagResource", new { resourceArn = arn, tags = new[] { new { key = "env", value = "dev" }, new { key = "team", value = "b" } } });
        await sfn.OkAsync("UntagResource", new { resourceArn = arn, tagKeys = UntagKeys });
        var listed = await sfn.OkAsync("ListTagsForResource", new { resourceArn = arn });

        Assert.Equal("""[{"key":"team","value":"b"}]""", listed["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task Tags_Errors_AwsCodes()
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync(PassDefinition);
        var missing = "arn:aws:states:us-east-1:000000000000:stateMachine:missing";
        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("ListTagsForResource", new { resourceArn = missing })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("TagResource", new { resourceArn = "nope", tags = Array.Empty<object>() })).Code);
        var tooMany = Enumerable.Range(0, 51).Select(i => new { key = $"k{i}", value = "v" }).ToArray();
        Assert.Equal("TooManyTags", (await sfn.ErrorAsync("TagResource", new { resourceArn = arn, tags = tooMany })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("TagResource", new { resourceArn = arn, tags = new[] { new { key = "", value = "v" } } })).Code);
        Assert.Empty((await sfn.OkAsync("ListTagsForResource", new { resourceArn = arn }))["tags"]!.AsArray());
    }

    [Fact]
    public async Task StartExecution_InputOver256KiB_ValidationException()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(PassDefinition);
        var input = new JsonObject { ["big"] = new string('x', 262_144) }.ToJsonString();
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = machine, input })).Code);
    }

    [Fact]
    public async Task Execution_StateOutputOver256KiB_DataLimitExceededNotCaught()
    {
        await using var sfn = new SfnHarness();
        const string definition = """
            {"StartAt":"Grow","States":{"Grow":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"big"},
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Succeed"}}}
            """;
        sfn.Lambda.Returns("big", new JsonObject { ["data"] = new string('x', 270_000) }.ToJsonString());
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(await sfn.CreateAsync(definition)), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.DataLimitExceeded", done.Error);
    }

    [Fact]
    public async Task Execution_HistoryOver25000Events_FailsAsAws()
    {
        await using var sfn = new SfnHarness();
        // A loop that could end (AWS refuses a definition with no terminal state: MISSING_END_STATE) but never does.
        const string definition = """{"StartAt":"Loop","States":{"Loop":{"Type":"Pass","Next":"Check"},"Check":{"Type":"Choice","Choices":[{"Variable":"$.never","IsPresent":true,"Next":"Done"}],"Default":"Loop"},"Done":{"Type":"Succeed"}}}""";
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(await sfn.CreateAsync(definition)), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
        Assert.Equal(25_000, done.History.Count);
        Assert.Equal("ExecutionFailed", done.History[^1].Type);
    }
}
