using System.Diagnostics;
using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>Activities through the real AWS CLI and boto3: a worker polls with GetActivityTask and answers with SendTaskSuccess.</summary>
public sealed class AwsCliActivityTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";

    [Fact]
    public async Task Cli_WorkerLoop_GetActivityTaskThenSendTaskSuccess_ExecutionSucceedsWithTheWorkersOutput()
    {
        var activity = (await cli.OkAsync("stepfunctions", "create-activity", "--name", "cli-work")).GetProperty("activityArn").GetString()!;
        var machine = (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-activity", "--role-arn", Role,
            "--definition", JsonSerializer.Serialize(new
            {
                StartAt = "Work",
                States = new { Work = new { Type = "Task", Resource = activity, TimeoutSeconds = 300, HeartbeatSeconds = 60, End = true } },
            }))).GetProperty("stateMachineArn").GetString()!;
        var execution = (await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine, "--input", """{"n":20}"""))
            .GetProperty("executionArn").GetString()!;

        // The worker: one long poll (it answers as soon as the state is entered), then the result.
        var task = await cli.OkAsync("stepfunctions", "get-activity-task", "--activity-arn", activity, "--worker-name", "cli-worker");
        var input = JsonDocument.Parse(task.GetProperty("input").GetString()!).RootElement.GetProperty("n").GetInt32();
        await cli.OkAsync("stepfunctions", "send-task-heartbeat", "--task-token", task.GetProperty("taskToken").GetString()!);
        await cli.OkAsync("stepfunctions", "send-task-success", "--task-token", task.GetProperty("taskToken").GetString()!,
            "--task-output", JsonSerializer.Serialize(new { doubled = input * 2 }));

        await cli.Cloud.WaitForExecutionAsync(execution, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", execution);
        var events = (await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", execution)).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        Assert.Equal("""{"doubled":40}""", described.GetProperty("output").GetString());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"],
            events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("cli-worker", events[3].GetProperty("activityStartedEventDetails").GetProperty("workerName").GetString());
        Assert.Equal(activity, events[2].GetProperty("activityScheduledEventDetails").GetProperty("resource").GetString());
        var listed = await cli.OkAsync("stepfunctions", "list-activities");
        Assert.Contains(listed.GetProperty("activities").EnumerateArray(), a => a.GetProperty("activityArn").GetString() == activity);
        await cli.OkAsync("stepfunctions", "delete-activity", "--activity-arn", activity);
        var (exit, _, error) = await cli.RunAsync("stepfunctions", "describe-activity", "--activity-arn", activity);
        Assert.NotEqual(0, exit);
        Assert.Contains("ActivityDoesNotExist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_ActivityWorker_FailsTheTask_ErrorAndCauseReachTheExecution()
    {
        var endpoint = cli.Cloud.Endpoint.ToString().TrimEnd('/');
        var script = $$"""
            import boto3, json
            from botocore.config import Config
            # A worker's client waits longer than the 60-second long poll, as AWS asks (65 s at least).
            sfn = boto3.client("stepfunctions", endpoint_url="{{endpoint}}", region_name="{{cli.Cloud.Region}}",
                aws_access_key_id="{{cli.Cloud.Credentials.AccessKeyId}}", aws_secret_access_key="{{cli.Cloud.Credentials.SecretAccessKey}}",
                config=Config(read_timeout=70, retries={"max_attempts": 0}))
            arn = sfn.create_activity(name="boto3-work")["activityArn"]
            again = sfn.create_activity(name="boto3-work")["activityArn"]
            work = {"Type": "Task", "Resource": arn, "End": True}
            states = {"Work": work}
            definition = {"StartAt": "Work", "States": states}
            machine = sfn.create_state_machine(name="boto3-activity", roleArn="{{Role}}", definition=json.dumps(definition))["stateMachineArn"]
            execution = sfn.start_execution(stateMachineArn=machine, input="{}")["executionArn"]
            task = sfn.get_activity_task(activityArn=arn, workerName="boto3-worker")
            sfn.send_task_failure(taskToken=task["taskToken"], error="WorkerError", cause="the worker gave up")
            try:
                sfn.describe_activity(activityArn=arn.replace("boto3-work", "missing"))
                missing = "found"
            except sfn.exceptions.ActivityDoesNotExist:
                missing = "ActivityDoesNotExist"
            print(json.dumps({"arn": arn, "again": again, "execution": execution, "missing": missing}))
            """;
        var result = await Boto3Script.RunAsync(script);
        var execution = result.GetProperty("execution").GetString()!;
        await cli.Cloud.WaitForExecutionAsync(execution, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", execution);

        Assert.Equal(result.GetProperty("arn").GetString(), result.GetProperty("again").GetString());
        Assert.Equal("ActivityDoesNotExist", result.GetProperty("missing").GetString());
        Assert.Equal("FAILED", described.GetProperty("status").GetString());
        Assert.Equal("WorkerError", described.GetProperty("error").GetString());
        Assert.Equal("the worker gave up", described.GetProperty("cause").GetString());
    }
}
