using System.Text.Json.Nodes;
using LocalCloud.Core;

namespace LocalCloud.Scheduler.Tests;

/// <summary>State machine (templated StartExecution) and universal (aws-sdk:) targets, on the fake clock.</summary>
public sealed class SdkTargetTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:nightly";

    [Fact]
    public async Task StateMachineTarget_Fires_StartsAnExecutionWithTheTargetInput()
    {
        var sdk = new FakeSdkTargets();
        await using var h = new SchedulerHarness(sdk: sdk);
        var arn = await h.CreateAsync("sfn", "at(2025-01-01T00:00:05)", b => b["Target"] = new JsonObject
        {
            ["Arn"] = StateMachineArn,
            ["RoleArn"] = SchedulerHarness.RoleArn,
            ["Input"] = """{"run":"<aws.scheduler.scheduled-time>"}""",
        });

        h.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(sdk.Calls);
        h.Advance(TimeSpan.FromSeconds(1));
        await sdk.WaitForCallsAsync(1);

        var (service, action, request, context) = Assert.Single(sdk.Calls);
        Assert.Equal(("sfn", "startExecution"), (service, action));
        var body = JsonNode.Parse(request)!;
        Assert.Equal(StateMachineArn, body["stateMachineArn"]!.GetValue<string>());
        Assert.Equal("""{"run":"2025-01-01T00:00:05Z"}""", body["input"]!.GetValue<string>());
        Assert.Equal("000000000000", context.AccountId);
        Assert.Empty(h.Lambda.Calls);
        await WaitSettled(h, arn, FiringOutcome.Delivered);
    }

    [Fact]
    public async Task UniversalTarget_Fires_CallsTheActionWithInputAsRequest()
    {
        var sdk = new FakeSdkTargets();
        await using var h = new SchedulerHarness(sdk: sdk);
        var input = """{"TableName":"Jobs","Item":{"pk":{"S":"tick"}}}""";
        await h.CreateAsync("ddb", "rate(1 minute)", b => b["Target"] = new JsonObject
        {
            ["Arn"] = "arn:aws:scheduler:::aws-sdk:dynamodb:putItem",
            ["RoleArn"] = SchedulerHarness.RoleArn,
            ["Input"] = input,
        });

        await sdk.WaitForCallsAsync(1);

        var (service, action, request, _) = Assert.Single(sdk.Calls);
        Assert.Equal(("dynamodb", "putItem", input), (service, action, request));
    }

    [Fact]
    public async Task UniversalTarget_ServiceNotHosted_IsDroppedWithoutACall()
    {
        var sdk = new FakeSdkTargets();
        await using var h = new SchedulerHarness(sdk: sdk);
        var arn = await h.CreateAsync("sqs", "rate(1 minute)", b => b["Target"] = new JsonObject
        {
            ["Arn"] = "arn:aws:scheduler:::aws-sdk:sqs:sendMessage",
            ["RoleArn"] = SchedulerHarness.RoleArn,
            ["Input"] = "{}",
        });

        var firing = await WaitSettled(h, arn, FiringOutcome.Dropped);

        Assert.Empty(sdk.Calls);
        Assert.Contains("universal targets", firing.Error, StringComparison.Ordinal);
        Assert.Equal(1, h.Usage.Get("scheduler", "TargetErrorCount", arn));
    }

    [Fact]
    public async Task StateMachineTarget_ServiceRefuses_IsRetriedThenDropped()
    {
        var sdk = new FakeSdkTargets { Failure = new AwsServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist: 'nightly'", 400) };
        await using var h = new SchedulerHarness(sdk: sdk);
        var arn = await h.CreateAsync("gone", "rate(1 minute)", b => b["Target"] = new JsonObject
        {
            ["Arn"] = StateMachineArn,
            ["RoleArn"] = SchedulerHarness.RoleArn,
            ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 1 },
        });

        await sdk.WaitForCallsAsync(1);
        h.Advance(TimeSpan.FromSeconds(1));
        await sdk.WaitForCallsAsync(2);
        var firing = await WaitSettled(h, arn, FiringOutcome.Dropped);

        Assert.Equal(2, firing.Attempts);
        Assert.Contains("StateMachineDoesNotExist", firing.Error, StringComparison.Ordinal);
    }

    private static async Task<ScheduleFiring> WaitSettled(SchedulerHarness h, string arn, FiringOutcome outcome)
    {
        var firing = Assert.Single(h.Service.RecentFirings, f => f.ScheduleArn == arn);
        await firing.Settled.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(outcome, firing.Outcome);
        return firing;
    }
}
