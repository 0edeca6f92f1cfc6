using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Activities: the five operations, activity Task states, the long poll on a fake clock, and restarts.</summary>
public sealed class ActivityTests
{
    private const string Arn = "arn:aws:states:us-east-1:000000000000:activity:work";

    private static readonly string[] NoSuchKey = ["nope"];

    /// <summary>One activity task "Work" (its limits in <paramref name="extra"/>); failures and timeouts are caught into the output.</summary>
    private static string Definition(string extra = "", string resource = Arn) => $$"""
        {
          "StartAt": "Work",
          "States": {
            "Work": {
              "Type": "Task", "Resource": "{{resource}}",
              {{extra}}
              "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Caught" }],
              "End": true
            },
            "Caught": { "Type": "Pass", "OutputPath": "$.error", "End": true }
          }
        }
        """;

    /// <summary>JSON text as JsonNode writes it (it escapes quotes inside strings as \u0022).</summary>
    private static string Json(string json) => JsonNode.Parse(json)!.ToJsonString();

    private static async Task<SfnHarness> WithActivityAsync(IDurableStore? durable = null)
    {
        var sfn = new SfnHarness(durable);
        await sfn.OkAsync("CreateActivity", new { name = "work" });
        return sfn;
    }

    private static async Task<string> StartAsync(SfnHarness sfn, string extra = "", string input = """{"job":"j1"}""", string name = "sm")
    {
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition(extra), name), input);
        await sfn.IdleAsync(execution);
        return execution;
    }

    [Fact]
    public async Task CreateActivity_SameNameTwice_SameArnAndDate_TagsOfTheSecondIgnored()
    {
        await using var sfn = new SfnHarness();
        var first = await sfn.OkAsync("CreateActivity", new { name = "work", tags = new[] { new { key = "team", value = "a" } } });
        sfn.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await sfn.OkAsync("CreateActivity", new { name = "work", tags = new[] { new { key = "team", value = "b" } } });

        Assert.Equal(Arn, first["activityArn"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        var tags = await sfn.OkAsync("ListTagsForResource", new { resourceArn = Arn });
        Assert.Equal("""[{"key":"team","value":"a"}]""", tags["tags"]!.ToJsonString());
        var described = await sfn.OkAsync("DescribeActivity", new { activityArn = Arn });
        Assert.Equal("work", described["name"]!.GetValue<string>());
        Assert.Equal(first["creationDate"]!.GetValue<double>(), described["creationDate"]!.GetValue<double>());
        Assert.Null(described["encryptionConfiguration"]);
    }

    [Theory]
    [InlineData("activity name")]
    [InlineData("activity:name")]
    [InlineData("activity$name")]
    [InlineData("")]
    public async Task CreateActivity_InvalidName_InvalidName(string name)
    {
        await using var sfn = new SfnHarness();
        var (code, message) = await sfn.ErrorAsync("CreateActivity", new { name });
        Assert.Equal("InvalidName", code);
        Assert.Equal($"Invalid Name: '{name}'", message);
    }

    [Fact]
    public async Task CreateActivity_EncryptionConfiguration_DescribedAndImmutable()
    {
        await using var sfn = new SfnHarness();
        var key = new { type = "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId = "alias/mine", kmsDataKeyReusePeriodSeconds = 300 };
        await sfn.OkAsync("CreateActivity", new { name = "work", encryptionConfiguration = key });

        var described = await sfn.OkAsync("DescribeActivity", new { activityArn = Arn });
        Assert.Equal("""{"type":"CUSTOMER_MANAGED_KMS_KEY","kmsKeyId":"alias/mine","kmsDataKeyReusePeriodSeconds":300}""", described["encryptionConfiguration"]!.ToJsonString());
        await sfn.OkAsync("CreateActivity", new { name = "work", encryptionConfiguration = key });
        Assert.Equal("ActivityAlreadyExists", (await sfn.ErrorAsync("CreateActivity", new { name = "work" })).Code);
        Assert.Equal("InvalidEncryptionConfiguration", (await sfn.ErrorAsync("CreateActivity", new { name = "other", encryptionConfiguration = new { type = "CUSTOMER_MANAGED_KMS_KEY" } })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("CreateActivity", new { name = "other", encryptionConfiguration = new { type = "MINE" } })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("CreateActivity", new { name = "other", encryptionConfiguration = new { type = "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId = "k", kmsDataKeyReusePeriodSeconds = 59 } })).Code);
        await sfn.OkAsync("CreateActivity", new { name = "owned", encryptionConfiguration = new { type = "AWS_OWNED_KEY" } });
    }

    [Fact]
    public async Task DescribeDeleteGetActivityTask_ArnChecks_InvalidArnAndActivityDoesNotExist_DeleteTwiceSucceeds()
    {
        await using var sfn = await WithActivityAsync();

        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DescribeActivity", new { activityArn = "no_an_activity_arn" })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("GetActivityTask", new { activityArn = "arn:aws:states:us-east-1:000000000000:stateMachine:work" })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("DeleteActivity", new { activityArn = "arn:aws:states:us-east-1:000000000000:activity:" })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("DescribeActivity", new { })).Code);
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("GetActivityTask", new { activityArn = Arn, workerName = new string('w', 81) })).Code);
        await sfn.OkAsync("DeleteActivity", new { activityArn = Arn });
        await sfn.OkAsync("DeleteActivity", new { activityArn = Arn });
        Assert.Equal(("ActivityDoesNotExist", $"Activity Does Not Exist: '{Arn}'"), await sfn.ErrorAsync("DescribeActivity", new { activityArn = Arn }));
        Assert.Equal("ActivityDoesNotExist", (await sfn.ErrorAsync("GetActivityTask", new { activityArn = Arn })).Code);
        Assert.Equal("ResourceNotFound", (await sfn.ErrorAsync("ListTagsForResource", new { resourceArn = Arn })).Code);
    }

    [Fact]
    public async Task ListActivities_PagesOldestFirst_AndTagsWorkOnActivities()
    {
        await using var sfn = new SfnHarness();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await sfn.OkAsync("CreateActivity", new { name });
            sfn.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await sfn.OkAsync("ListActivities", new { maxResults = 2 });
        var rest = await sfn.OkAsync("ListActivities", new { nextToken = first["nextToken"]!.GetValue<string>() });
        Assert.Equal(["c", "a"], first["activities"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal(["b"], rest["activities"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Null(rest["nextToken"]);
        Assert.Equal("InvalidToken", (await sfn.ErrorAsync("ListActivities", new { nextToken = "bogus" })).Code);

        var arn = "arn:aws:states:us-east-1:000000000000:activity:a";
        await sfn.OkAsync("TagResource", new { resourceArn = arn, tags = new[] { new { key = "k", value = "v" } } });
        await sfn.OkAsync("UntagResource", new { resourceArn = arn, tagKeys = NoSuchKey });
        Assert.Equal("""[{"key":"k","value":"v"}]""", (await sfn.OkAsync("ListTagsForResource", new { resourceArn = arn }))["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task PollerWaiting_StateEntered_TaskHandedOver_SendTaskSuccess_HistoryAsAws()
    {
        await using var sfn = await WithActivityAsync();
        var poll = sfn.CallAsync("GetActivityTask", new { activityArn = Arn, workerName = "worker-1" });
        Assert.False(poll.IsCompleted);

        var execution = await StartAsync(sfn, "\"TimeoutSeconds\": 60, \"HeartbeatSeconds\": 10,");
        var (status, task) = await poll;

        Assert.Equal(200, status);
        Assert.Equal("""{"job":"j1"}""", task["input"]!.GetValue<string>());
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = task["taskToken"]!.GetValue<string>(), output = """{"done":true}""" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"done":true}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        var history = (await sfn.OkAsync("GetExecutionHistory", new { executionArn = execution }))["events"]!.AsArray();
        Assert.Equal(Json($$$"""{"resource":"{{{Arn}}}","timeoutInSeconds":60,"heartbeatInSeconds":10,"input":"{\"job\":\"j1\"}","inputDetails":{"truncated":false}}"""),
            history[2]!["activityScheduledEventDetails"]!.ToJsonString());
        Assert.Equal("""{"workerName":"worker-1"}""", history[3]!["activityStartedEventDetails"]!.ToJsonString());
        Assert.Equal(Json("""{"output":"{\"done\":true}","outputDetails":{"truncated":false}}"""), history[4]!["activitySucceededEventDetails"]!.ToJsonString());
    }

    [Fact]
    public async Task TasksScheduledBeforeAnyPoller_TakenInScheduleOrder_WorkerNameOptional()
    {
        await using var sfn = await WithActivityAsync();
        var first = await StartAsync(sfn, input: """{"n":1}""", name: "one");
        var second = await StartAsync(sfn, input: """{"n":2}""", name: "two");

        var a = await sfn.OkAsync("GetActivityTask", new { activityArn = Arn });
        var b = await sfn.OkAsync("GetActivityTask", new { activityArn = Arn, workerName = "w" });
        Assert.Equal("""{"n":1}""", a["input"]!.GetValue<string>());
        Assert.Equal("""{"n":2}""", b["input"]!.GetValue<string>());
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = a["taskToken"]!.GetValue<string>(), output = "1" });
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = b["taskToken"]!.GetValue<string>(), output = "2" });

        var one = await sfn.FinishedAsync(first);
        Assert.Equal("1", one.Output);
        Assert.Equal("2", (await sfn.FinishedAsync(second)).Output);
        Assert.Empty(one.History.Single(e => e.Type == "ActivityStarted").Details!);
    }

    [Fact]
    public async Task GetActivityTask_NothingScheduled_AnswersEmptyAfterSixtySeconds()
    {
        await using var sfn = await WithActivityAsync();
        var poll = sfn.CallAsync("GetActivityTask", new { activityArn = Arn });

        sfn.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(poll.IsCompleted);
        sfn.Time.Advance(TimeSpan.FromSeconds(1));
        var (status, body) = await poll;

        Assert.Equal(200, status);
        Assert.Equal("{}", body.ToJsonString());
    }

    [Fact]
    public async Task DeleteActivity_WhilePollerWaits_PollerAnswersEmpty()
    {
        await using var sfn = await WithActivityAsync();
        var poll = sfn.CallAsync("GetActivityTask", new { activityArn = Arn });

        await sfn.OkAsync("DeleteActivity", new { activityArn = Arn });

        Assert.Equal("{}", (await poll).Body.ToJsonString());
    }

    [Fact]
    public async Task TimeoutSeconds_CountsWhileNoWorkerTakesIt_ActivityTimedOut_TaskLeavesTheQueue()
    {
        await using var sfn = await WithActivityAsync();
        var execution = await StartAsync(sfn, "\"TimeoutSeconds\": 30,");

        sfn.Time.Advance(TimeSpan.FromSeconds(30));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.Timeout","Cause":""}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityTimedOut", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        Assert.Equal("""{"error":"States.Timeout"}""", done.History.Single(e => e.Type == "ActivityTimedOut").Details!.ToJsonString());
        var poll = sfn.CallAsync("GetActivityTask", new { activityArn = Arn });
        Assert.False(poll.IsCompleted, "the timed-out task is not handed out");
        sfn.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("{}", (await poll).Body.ToJsonString());
    }

    [Fact]
    public async Task HeartbeatSeconds_StartsWhenAWorkerTakesTheTask()
    {
        await using var sfn = await WithActivityAsync();
        var execution = await StartAsync(sfn, "\"TimeoutSeconds\": 600, \"HeartbeatSeconds\": 10,");

        sfn.Time.Advance(TimeSpan.FromSeconds(50));
        await sfn.IdleAsync(execution);
        Assert.False(sfn.FinishedAsync(execution).IsCompleted, "no heartbeat is due before a worker has the task");
        var task = await sfn.OkAsync("GetActivityTask", new { activityArn = Arn });
        await sfn.IdleAsync(execution);
        sfn.Time.Advance(TimeSpan.FromSeconds(8));
        await sfn.OkAsync("SendTaskHeartbeat", new { taskToken = task["taskToken"]!.GetValue<string>() });
        sfn.Time.Advance(TimeSpan.FromSeconds(8));
        await sfn.IdleAsync(execution);
        Assert.False(sfn.FinishedAsync(execution).IsCompleted, "a heartbeat 8 s ago keeps it alive");
        sfn.Time.Advance(TimeSpan.FromSeconds(2));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("""{"Error":"States.HeartbeatTimeout","Cause":""}""", done.Output);
        Assert.Equal("States.HeartbeatTimeout", done.History.Single(e => e.Type == "ActivityTimedOut").Details!["error"]!.GetValue<string>());
        Assert.Equal("TaskTimedOut", (await sfn.ErrorAsync("SendTaskSuccess", new { taskToken = task["taskToken"]!.GetValue<string>(), output = "{}" })).Code);
    }

    [Fact]
    public async Task TimeoutSecondsPath_AndSendTaskFailure_ActivityFailedRetriedThenCaught()
    {
        await using var sfn = await WithActivityAsync();
        var execution = await StartAsync(sfn,
            "\"TimeoutSecondsPath\": \"$.limit\", \"Retry\": [{ \"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 1, \"IntervalSeconds\": 1 }],",
            """{"limit":45}""");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var task = await sfn.OkAsync("GetActivityTask", new { activityArn = Arn });
            await sfn.OkAsync("SendTaskFailure", new { taskToken = task["taskToken"]!.GetValue<string>(), error = "Boom", cause = "it broke" });
            await sfn.IdleAsync(execution);
            sfn.Time.Advance(TimeSpan.FromSeconds(1));
            await sfn.IdleAsync(execution);
        }
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("""{"Error":"Boom","Cause":"it broke"}""", done.Output);
        Assert.Equal(2, done.History.Count(e => e.Type == "ActivityFailed"));
        Assert.Equal("""{"error":"Boom","cause":"it broke"}""", done.History.First(e => e.Type == "ActivityFailed").Details!.ToJsonString());
        Assert.Equal(45, done.History.First(e => e.Type == "ActivityScheduled").Details!["timeoutInSeconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task ActivityDeletedBeforeTheStateRuns_ExecutionFailsWithStatesRuntime()
    {
        await using var sfn = await WithActivityAsync();
        await sfn.OkAsync("DeleteActivity", new { activityArn = Arn });
        var execution = await sfn.StartAsync(await sfn.CreateAsync(Definition().Replace("\"States.ALL\"", "\"Nothing\"", StringComparison.Ordinal)));

        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("FAILED", done.Status);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"], SfnHarness.Types(done));
        Assert.Equal("States.Runtime", done.Error);
        Assert.Contains($"The activity {Arn} does not exist.", done.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpressMachine_RefusesAnActivity()
    {
        await using var sfn = await WithActivityAsync();
        var (code, message) = await sfn.ErrorAsync("CreateStateMachine", new { name = "x", definition = Definition(), roleArn = SfnHarness.Role, type = "EXPRESS" });
        Assert.Equal("InvalidDefinition", code);
        Assert.Contains("Activity ARN", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_TaskNotYetTaken_QueuedAgainWithItsTokenAndDeadline()
    {
        var durable = new InMemoryDurableStore();
        var before = await WithActivityAsync(durable);
        var execution = await StartAsync(before, "\"TimeoutSeconds\": 100,");
        before.Time.Advance(TimeSpan.FromSeconds(40));
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(20));
        await after.IdleAsync(execution);
        Assert.Equal(Arn, (await after.OkAsync("DescribeActivity", new { activityArn = Arn }))["activityArn"]!.GetValue<string>());
        var task = await after.OkAsync("GetActivityTask", new { activityArn = Arn, workerName = "late" });
        await after.IdleAsync(execution);
        after.Time.Advance(TimeSpan.FromSeconds(39));
        await after.IdleAsync(execution);
        Assert.False(after.FinishedAsync(execution).IsCompleted, "99 s after scheduling");
        after.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"job":"j1"}""", task["input"]!.GetValue<string>());
        Assert.Equal("""{"Error":"States.Timeout","Cause":""}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivityTimedOut", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
    }

    [Fact]
    public async Task Restart_TaskTakenByAWorker_WaitsForItsAnswer_HeartbeatDeadlineKept()
    {
        var durable = new InMemoryDurableStore();
        var before = await WithActivityAsync(durable);
        var execution = await StartAsync(before, "\"HeartbeatSeconds\": 30,");
        var task = await before.OkAsync("GetActivityTask", new { activityArn = Arn, workerName = "w" });
        await before.IdleAsync(execution);

        await using var after = before.Restart(TimeSpan.FromSeconds(10));
        await after.IdleAsync(execution);
        var poll = after.CallAsync("GetActivityTask", new { activityArn = Arn });
        await after.OkAsync("SendTaskSuccess", new { taskToken = task["taskToken"]!.GetValue<string>(), output = """{"ok":1}""" });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("""{"ok":1}""", done.Output);
        Assert.Single(done.History, e => e.Type == "ActivityStarted");
        Assert.False(poll.IsCompleted, "a task a worker held before the restart is not handed out again");
        after.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("{}", (await poll).Body.ToJsonString());
    }

    [Fact]
    public async Task Restart_ActivityAndTagsSurvive_DeletedOneStaysDeleted()
    {
        var durable = new InMemoryDurableStore();
        var before = new SfnHarness(durable);
        await before.OkAsync("CreateActivity", new { name = "work", tags = new[] { new { key = "k", value = "v" } }, encryptionConfiguration = new { type = "AWS_OWNED_KEY" } });
        await before.OkAsync("CreateActivity", new { name = "gone" });
        await before.OkAsync("DeleteActivity", new { activityArn = "arn:aws:states:us-east-1:000000000000:activity:gone" });
        var described = (await before.OkAsync("DescribeActivity", new { activityArn = Arn })).ToJsonString();

        await using var after = before.Restart();

        Assert.Equal(described, (await after.OkAsync("DescribeActivity", new { activityArn = Arn })).ToJsonString());
        Assert.Equal("""[{"key":"k","value":"v"}]""", (await after.OkAsync("ListTagsForResource", new { resourceArn = Arn }))["tags"]!.ToJsonString());
        Assert.Equal(["work"], (await after.OkAsync("ListActivities", new { }))["activities"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
    }
}
