using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests.Persistence;

/// <summary>What a restart must give back as it was: state machines, tags, finished executions and their histories.</summary>
public sealed class RestartStoredStateTests
{
    private const string PassDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":1},"End":true}}}""";
    private static readonly string[] EnvKey = ["env"];

    private const string OtherDefinition = """{"StartAt":"Q","States":{"Q":{"Type":"Pass","Result":{"v":2},"End":true}}}""";

    private const string MixedDefinition = """
        {
          "StartAt": "Prepare",
          "States": {
            "Prepare": { "Type": "Pass", "Parameters": { "job.$": "$.job", "id.$": "$$.Execution.Name" }, "Next": "Call" },
            "Call": {
              "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": { "FunctionName": "work", "Payload.$": "$" },
              "ResultSelector": { "answer.$": "$.Payload.answer" }, "ResultPath": "$.result",
              "Retry": [{ "ErrorEquals": ["Boom"], "IntervalSeconds": 5, "MaxAttempts": 1 }],
              "Next": "Route"
            },
            "Route": { "Type": "Choice", "Choices": [{ "Variable": "$.result.answer", "NumericEquals": 42, "Next": "Done" }], "Default": "Bad" },
            "Bad": { "Type": "Fail", "Error": "Wrong", "Cause": "not 42" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    [Fact]
    public async Task Restart_StateMachinesAndTags_ComeBackAsTheyWere()
    {
        var store = new InMemoryDurableStore();
        var before = new SfnHarness(store);
        var m1 = (await before.OkAsync("CreateStateMachine", new
        {
            name = "m1", definition = PassDefinition, roleArn = SfnHarness.Role,
            tags = new[] { new { key = "team", value = "a" }, new { key = "env", value = "dev" } },
        }))["stateMachineArn"]!.GetValue<string>();
        before.Time.Advance(TimeSpan.FromSeconds(5));
        var m2 = await before.CreateAsync(PassDefinition, "m2");
        var m3 = await before.CreateAsync(PassDefinition, "m3");
        await before.OkAsync("UpdateStateMachine", new { stateMachineArn = m1, definition = OtherDefinition, roleArn = "arn:aws:iam::000000000000:role/other" });
        await before.OkAsync("TagResource", new { resourceArn = m2, tags = new[] { new { key = "owner", value = "me" } } });
        await before.OkAsync("UntagResource", new { resourceArn = m1, tagKeys = EnvKey });
        await before.OkAsync("TagResource", new { resourceArn = m1, tags = new[] { new { key = "team", value = "b" } } });
        await before.OkAsync("DeleteStateMachine", new { stateMachineArn = m3 });
        var list = await before.OkAsync("ListStateMachines", new { });
        var described = new[] { await before.OkAsync("DescribeStateMachine", new { stateMachineArn = m1 }), await before.OkAsync("DescribeStateMachine", new { stateMachineArn = m2 }) };
        var tags = new[] { await before.OkAsync("ListTagsForResource", new { resourceArn = m1 }), await before.OkAsync("ListTagsForResource", new { resourceArn = m2 }) };

        await using var after = before.Restart(TimeSpan.FromMinutes(1));

        Assert.Equal(list.ToJsonString(), (await after.OkAsync("ListStateMachines", new { })).ToJsonString());
        Assert.Equal(described[0].ToJsonString(), (await after.OkAsync("DescribeStateMachine", new { stateMachineArn = m1 })).ToJsonString());
        Assert.Equal(described[1].ToJsonString(), (await after.OkAsync("DescribeStateMachine", new { stateMachineArn = m2 })).ToJsonString());
        Assert.Equal("""{"tags":[{"key":"team","value":"b"}]}""", (await after.OkAsync("ListTagsForResource", new { resourceArn = m1 })).ToJsonString());
        Assert.Equal(tags[1].ToJsonString(), (await after.OkAsync("ListTagsForResource", new { resourceArn = m2 })).ToJsonString());
        Assert.Equal("StateMachineDoesNotExist", (await after.ErrorAsync("DescribeStateMachine", new { stateMachineArn = m3 })).Code);
        Assert.Equal("ResourceNotFound", (await after.ErrorAsync("ListTagsForResource", new { resourceArn = m3 })).Code);
        Assert.Equal(OtherDefinition, described[0]["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_StateMachine_StillRunsAndUpdatesAfterwards()
    {
        var store = new InMemoryDurableStore();
        var before = new SfnHarness(store);
        var arn = await before.CreateAsync(PassDefinition, "m");

        var after = before.Restart();
        var execution = await after.StartAsync(arn);
        Assert.Equal("""{"v":1}""", (await after.FinishedAsync(execution)).Output);
        await after.OkAsync("UpdateStateMachine", new { stateMachineArn = arn, definition = OtherDefinition });

        await using var again = after.Restart();
        var second = await again.StartAsync(arn);
        Assert.Equal("""{"v":2}""", (await again.FinishedAsync(second)).Output);
        Assert.Equal(PassDefinition, (await again.OkAsync("DescribeStateMachineForExecution", new { executionArn = execution }))["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_FinishedExecutions_DescribeListAndHistoryIdentical()
    {
        var store = new InMemoryDurableStore();
        var calls = 0;
        var before = new SfnHarness(store);
        before.Lambda.Answers("work", request =>
        {
            var payload = JsonNode.Parse(request.Payload.Span)!;
            var fail = Interlocked.Increment(ref calls) == 1;
            var body = fail ? """{"errorType":"Boom","errorMessage":"first call"}""" : $$"""{"answer":{{payload["job"]!.ToJsonString()}}}""";
            return Task.FromResult(new Core.Ports.LambdaInvokeResult(200, System.Text.Encoding.UTF8.GetBytes(body), fail ? "Unhandled" : null));
        });
        var arn = await before.CreateAsync(MixedDefinition);
        var succeeded = await before.StartAsync(arn, """{"job":42}""", "ok");
        await before.RunToEndAsync(succeeded, TimeSpan.FromSeconds(1));
        var failed = await before.StartAsync(arn, """{"job":7}""", "bad");
        await before.RunToEndAsync(failed, TimeSpan.FromSeconds(1));
        await before.OkAsync("UpdateStateMachine", new { stateMachineArn = arn, definition = PassDefinition });
        var views = await ViewsAsync(before, arn, succeeded, failed);

        await using var after = before.Restart(TimeSpan.FromHours(1));

        Assert.Equal(views, await ViewsAsync(after, arn, succeeded, failed));
        Assert.Contains("\"status\":\"SUCCEEDED\"", views[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"FAILED\"", views[1], StringComparison.Ordinal);
        Assert.Contains("\"TaskFailed\"", views[2], StringComparison.Ordinal);
        Assert.Equal(SfnHarness.Types(await before.FinishedAsync(succeeded)), SfnHarness.Types(await after.FinishedAsync(succeeded)));
    }

    [Fact]
    public async Task Restart_TaskClosedBeforeCrash_LateCallbackTaskTimedOut()
    {
        var store = new InMemoryDurableStore();
        var before = new SfnHarness(store);
        var arn = await before.CreateAsync(CallbackDefinitions.Callback(""));
        var execution = await before.StartAsync(arn, """{"job":"j"}""");
        await before.IdleAsync(execution);
        var token = before.TokenSent();
        await before.OkAsync("SendTaskSuccess", new { taskToken = token, output = "{}" });
        await before.FinishedAsync(execution);

        await using var after = before.Restart();

        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskSuccess", new { taskToken = token, output = "{}" })).Code);
        Assert.Equal("TaskTimedOut", (await after.ErrorAsync("SendTaskHeartbeat", new { taskToken = token })).Code);
    }

    [Fact]
    public async Task NotDurable_ExecutionsRun_NothingIsWritten()
    {
        await using var sfn = new SfnHarness(new RefusingStore());
        var execution = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback("\"TimeoutSeconds\": 60, \"HeartbeatSeconds\": 10,")), """{"job":"j"}""");
        await sfn.IdleAsync(execution);
        await sfn.OkAsync("SendTaskHeartbeat", new { taskToken = sfn.TokenSent() });
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = "{}" });

        Assert.Equal("SUCCEEDED", (await sfn.FinishedAsync(execution)).Status);
    }

    [Fact]
    public async Task Durable_EveryAcknowledgedChange_WrittenBeforeTheAnswer()
    {
        var store = new InMemoryDurableStore();
        await using var sfn = new SfnHarness(store);
        var execution = await sfn.StartAsync(await sfn.CreateAsync(CallbackDefinitions.Callback("\"TimeoutSeconds\": 60, \"HeartbeatSeconds\": 10,")), """{"job":"j"}""");
        Assert.Single(store.Load(StatesCollections.Executions));
        await sfn.IdleAsync(execution);

        await sfn.OkAsync("SendTaskHeartbeat", new { taskToken = sfn.TokenSent() });
        Assert.Contains("heartbeatAt", Assert.Single(store.Load(StatesCollections.Callbacks)).Value, StringComparison.Ordinal);
        var writes = store.ChangeCount;
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = """{"x":1}""" });
        Assert.True(store.ChangeCount > writes, "SendTaskSuccess answered before anything was written");
        await sfn.FinishedAsync(execution);

        Assert.Empty(store.Load(StatesCollections.Checkpoints));
        Assert.Empty(store.Load(StatesCollections.Callbacks));
        Assert.Contains("\"status\":\"SUCCEEDED\"", Assert.Single(store.Load(StatesCollections.Executions)).Value, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ViewsAsync(SfnHarness sfn, string machine, params string[] executions)
    {
        var views = new List<string>();
        foreach (var execution in executions)
        {
            views.Add((await sfn.OkAsync("DescribeExecution", new { executionArn = execution })).ToJsonString());
        }
        foreach (var execution in executions)
        {
            views.Add((await sfn.OkAsync("GetExecutionHistory", new { executionArn = execution, maxResults = 1000 })).ToJsonString());
            views.Add((await sfn.OkAsync("DescribeStateMachineForExecution", new { executionArn = execution })).ToJsonString());
        }
        views.Add((await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine })).ToJsonString());
        return views;
    }

    /// <summary>Says it keeps nothing and fails any write: proves the in-memory path never gets as far as writing.</summary>
    private sealed class RefusingStore : IDurableStore
    {
        public bool IsDurable => false;

        public IReadOnlyList<DurableRecord> Load(string collection) => throw new InvalidOperationException("A store that is not durable is never read.");

        public void Write(IReadOnlyList<DurableChange> changes) => throw new InvalidOperationException("A store that is not durable is never written.");
    }
}
