using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>EXPRESS state machines: StartSyncExecution, the five-minute limit, what they refuse and what is not kept for them.</summary>
public sealed class ExpressTests
{
    private static async Task<string> ExpressAsync(SfnHarness sfn, string definition, string name = "fast")
        => (await sfn.OkAsync("CreateStateMachine", new { name, definition, roleArn = SfnHarness.Role, type = "EXPRESS" }))["stateMachineArn"]!.GetValue<string>();

    [Fact]
    public async Task StartSync_Succeeds_WithTheSyncResponseShape()
    {
        await using var sfn = new SfnHarness();
        var machine = await ExpressAsync(sfn, """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$.a"},"End":true}}}""");

        var answer = await sfn.OkAsync("StartSyncExecution", new { stateMachineArn = machine, input = """{"a":5}""", name = "n1" });

        Assert.Equal("SUCCEEDED", answer["status"]!.GetValue<string>());
        Assert.Equal("""{"v":5}""", answer["output"]!.GetValue<string>());
        Assert.Equal("""{"a":5}""", answer["input"]!.GetValue<string>());
        Assert.True(answer["inputDetails"]!["included"]!.GetValue<bool>());
        Assert.True(answer["outputDetails"]!["included"]!.GetValue<bool>());
        Assert.Equal("n1", answer["name"]!.GetValue<string>());
        Assert.Equal(machine, answer["stateMachineArn"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:states:us-east-1:000000000000:express:fast:n1:", answer["executionArn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(64, answer["billingDetails"]!["billedMemoryUsedInMB"]!.GetValue<long>());
        Assert.Equal(100, answer["billingDetails"]!["billedDurationInMilliseconds"]!.GetValue<long>());
        Assert.NotNull(answer["stopDate"]);
        Assert.Equal(1, sfn.Usage.Get("states", "ExpressRequests", machine));
        Assert.Equal(0, sfn.Usage.Get("states", "ExecutionsStarted", machine));
    }

    [Fact]
    public async Task StartSync_Fails_Answers200WithErrorAndCause()
    {
        await using var sfn = new SfnHarness();
        var machine = await ExpressAsync(sfn, """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad","Cause":"why"}}}""");

        var answer = await sfn.OkAsync("StartSyncExecution", new { stateMachineArn = machine });

        Assert.Equal("FAILED", answer["status"]!.GetValue<string>());
        Assert.Equal("Bad", answer["error"]!.GetValue<string>());
        Assert.Equal("why", answer["cause"]!.GetValue<string>());
        Assert.Null(answer["output"]);
    }

    [Fact]
    public async Task StartSync_LongerThanFiveMinutes_TimesOut()
    {
        await using var sfn = new SfnHarness();
        var machine = await ExpressAsync(sfn, """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":400,"End":true}}}""");

        var call = sfn.OkAsync("StartSyncExecution", new { stateMachineArn = machine });
        var arn = await WaitForExpressAsync(sfn);
        await sfn.IdleAsync(arn);
        sfn.Time.Advance(TimeSpan.FromSeconds(300));
        var answer = await call;

        Assert.Equal("TIMED_OUT", answer["status"]!.GetValue<string>());
        Assert.Equal("States.Timeout", answer["error"]!.GetValue<string>());
        Assert.Equal(300_000, answer["billingDetails"]!["billedDurationInMilliseconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task Express_RefusesStandardOnlyCalls()
    {
        await using var sfn = new SfnHarness();
        var standard = await sfn.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var express = await ExpressAsync(sfn, """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var started = (await sfn.OkAsync("StartExecution", new { stateMachineArn = express }))["executionArn"]!.GetValue<string>();
        Assert.Contains(":express:fast:", started, StringComparison.Ordinal);
        await sfn.FinishedAsync(started);

        Assert.Equal("StateMachineTypeNotSupported", (await sfn.ErrorAsync("StartSyncExecution", new { stateMachineArn = standard })).Code);
        Assert.Equal("StateMachineTypeNotSupported", (await sfn.ErrorAsync("ListExecutions", new { stateMachineArn = express })).Code);
        Assert.Equal(("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'"), await sfn.ErrorAsync("GetExecutionHistory", new { executionArn = started }));
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DescribeExecution", new { executionArn = started })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("RedriveExecution", new { executionArn = started })).Code);
        Assert.Equal("InvalidExecutionInput", (await sfn.ErrorAsync("StartSyncExecution", new { stateMachineArn = express, input = "{" })).Code);
        Assert.Equal("InvalidName", (await sfn.ErrorAsync("StartSyncExecution", new { stateMachineArn = express, name = "a b" })).Code);
    }

    [Theory]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", "'.waitForTaskToken' service integration")]
    [InlineData("arn:aws:states:::states:startExecution.sync", "'.sync' service integration")]
    [InlineData("arn:aws:states:us-east-1:000000000000:activity:act", "Activity ARN")]
    public async Task CreateExpress_WithCallbackOrSyncTask_InvalidDefinition(string resource, string what)
    {
        await using var sfn = new SfnHarness();
        var definition = """{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"R","End":true}}}],"End":true}}}"""
            .Replace("\"R\"", "\"" + resource + "\"", StringComparison.Ordinal);

        var (code, message) = await sfn.ErrorAsync("CreateStateMachine", new { name = "x", definition, roleArn = SfnHarness.Role, type = "EXPRESS" });

        Assert.Equal("InvalidDefinition", code);
        Assert.Equal($"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support {what} at /States/P/Branches[0]/States/T/Resource'", message);
        await sfn.OkAsync("CreateStateMachine", new { name = "y", definition, roleArn = SfnHarness.Role, type = "STANDARD" });
    }

    private static async Task<string> WaitForExpressAsync(SfnHarness sfn)
    {
        for (var i = 0; i < 500; i++)
        {
            if (sfn.Service.Executions.All.FirstOrDefault(e => e.IsExpress) is { } found)
            {
                return found.Arn;
            }
            await Task.Yield();
        }
        throw new InvalidOperationException("no Express execution started");
    }
}
