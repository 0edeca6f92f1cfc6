using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>Nested workflows (states:startExecution) through the real AWS CLI and boto3: a parent waits for its child, sees its failure, and stops it.</summary>
public sealed class AwsCliNestedWorkflowTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";

    [Fact]
    public async Task Cli_Sync2Parent_GetsTheChildsOutput_AndTheChildKnowsItsParent()
    {
        var child = await CreateAsync("cli-child", new { StartAt = "P", States = new { P = new { Type = "Pass", Parameters = new Dictionary<string, object> { ["got.$"] = "$" }, End = true } } });
        var parent = await CreateAsync("cli-parent", new
        {
            StartAt = "Nested",
            States = new
            {
                Nested = new
                {
                    Type = "Task",
                    Resource = "arn:aws:states:::states:startExecution.sync:2",
                    Parameters = new Dictionary<string, object>
                    {
                        ["StateMachineArn"] = child,
                        ["Input"] = new Dictionary<string, object> { ["n.$"] = "$.n", ["AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$"] = "$$.Execution.Id" },
                    },
                    End = true,
                },
            },
        });
        var execution = (await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", parent, "--input", """{"n":5}"""))
            .GetProperty("executionArn").GetString()!;

        await cli.Cloud.WaitForExecutionAsync(execution, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", execution);
        var events = (await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", execution)).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        var output = JsonDocument.Parse(described.GetProperty("output").GetString()!).RootElement;
        Assert.Equal("SUCCEEDED", output.GetProperty("Status").GetString());
        Assert.Equal(5, output.GetProperty("Output").GetProperty("got").GetProperty("n").GetInt32());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            events.Select(e => e.GetProperty("type").GetString()));
        var scheduled = events[2].GetProperty("taskScheduledEventDetails");
        Assert.Equal("states", scheduled.GetProperty("resourceType").GetString());
        Assert.Equal("startExecution.sync:2", scheduled.GetProperty("resource").GetString());
        var childArn = output.GetProperty("ExecutionArn").GetString()!;
        var childDescribed = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", childArn);
        Assert.Equal(execution, JsonDocument.Parse(childDescribed.GetProperty("input").GetString()!).RootElement.GetProperty("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").GetString());
        Assert.Equal(child, childDescribed.GetProperty("stateMachineArn").GetString());
    }

    [Fact]
    public async Task Boto3_FailingChildIsCaught_AndStoppingTheParentStopsItsChild()
    {
        var endpoint = cli.Cloud.Endpoint.ToString().TrimEnd('/');
        var script = $$$"""
            import boto3, json, time
            from botocore.config import Config
            sfn = boto3.client("stepfunctions", endpoint_url="{{{endpoint}}}", region_name="{{{cli.Cloud.Region}}}",
                aws_access_key_id="{{{cli.Cloud.Credentials.AccessKeyId}}}", aws_secret_access_key="{{{cli.Cloud.Credentials.SecretAccessKey}}}",
                config=Config(read_timeout=70, retries={"max_attempts": 0}))
            def machine(name, definition):
                return sfn.create_state_machine(name=name, roleArn="{{{Role}}}", definition=json.dumps(definition))["stateMachineArn"]
            def finished(arn):
                deadline = time.time() + 60
                while time.time() < deadline:
                    described = sfn.describe_execution(executionArn=arn)
                    if described["status"] != "RUNNING":
                        return described
                    time.sleep(0.05)
                raise Exception("still running: " + arn)
            def nested(child, extra):
                task = {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync", "Parameters": {"StateMachineArn": child}}
                task.update(extra)
                return {"StartAt": "Nested", "States": {"Nested": task, "Caught": {"Type": "Pass", "End": True} } }

            failing = machine("boto3-failing-child", {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "ChildError", "Cause": "the child broke"} } })
            catcher = machine("boto3-catching-parent", nested(failing, {"Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": True}))
            caught = finished(sfn.start_execution(stateMachineArn=catcher)["executionArn"])
            history = sfn.get_execution_history(executionArn=caught["executionArn"])["events"]
            failed = [e["taskFailedEventDetails"] for e in history if e["type"] == "TaskFailed"][0]

            activity = sfn.create_activity(name="boto3-child-work")["activityArn"]
            waiting = machine("boto3-waiting-child", {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": activity, "End": True} } })
            parent = sfn.start_execution(stateMachineArn=machine("boto3-stopped-parent", nested(waiting, {"Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": True})))["executionArn"]
            sfn.get_activity_task(activityArn=activity, workerName="boto3")
            deadline = time.time() + 60
            submitted = []
            while not submitted and time.time() < deadline:
                submitted = [e for e in sfn.get_execution_history(executionArn=parent)["events"] if e["type"] == "TaskSubmitted"]
                time.sleep(0 if submitted else 0.05)
            child = json.loads(submitted[0]["taskSubmittedEventDetails"]["output"])["ExecutionArn"]
            sfn.stop_execution(executionArn=parent)
            print(json.dumps({"caught": caught["status"], "error": failed["error"], "cause": json.loads(failed["cause"]),
                "child": finished(child)["status"], "parent": sfn.describe_execution(executionArn=parent)["status"]}))
            """;
        var result = await Boto3Script.RunAsync(script);

        Assert.Equal("SUCCEEDED", result.GetProperty("caught").GetString());
        Assert.Equal("States.TaskFailed", result.GetProperty("error").GetString());
        var cause = result.GetProperty("cause");
        Assert.Equal("FAILED", cause.GetProperty("Status").GetString());
        Assert.Equal("ChildError", cause.GetProperty("Error").GetString());
        Assert.Equal("the child broke", cause.GetProperty("Cause").GetString());
        Assert.Equal("ABORTED", result.GetProperty("parent").GetString());
        Assert.Equal("ABORTED", result.GetProperty("child").GetString());
    }

    private async Task<string> CreateAsync(string name, object definition)
        => (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", name, "--role-arn", Role, "--definition", JsonSerializer.Serialize(definition)))
            .GetProperty("stateMachineArn").GetString()!;
}
