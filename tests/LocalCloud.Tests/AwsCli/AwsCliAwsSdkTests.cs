using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LocalCloud.Lambda;
using LocalCloud.Scheduler;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// aws-sdk:&lt;service&gt;:&lt;action&gt; tasks against the real hosted services, and Scheduler's universal targets, driven
/// through the real AWS CLI and boto3 (#14): results shaped as AWS's aws-sdk integrations return them, service errors
/// caught by their AWS names, and a service LocalCloud does not host named at run time and by
/// ValidateStateMachineDefinition.
/// </summary>
public sealed class AwsCliAwsSdkTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";

    /// <summary>The AWS SDK for Java 2.x's wording of a service error, which Step Functions puts in the cause.</summary>
    private static string CausePattern(string message, string service, int status)
        => $@"^{System.Text.RegularExpressions.Regex.Escape(message)} \(Service: {service}, Status Code: {status}, Request ID: [0-9a-f\-]{{36}}\)$";

    [Fact]
    public async Task Cli_DynamoDbPutItemAndQuery_AndAFailedConditionCaughtByItsAwsName()
    {
        await cli.OkAsync("dynamodb", "create-table", "--table-name", "cli-sdk-orders",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=S",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE", "--billing-mode", "PAY_PER_REQUEST");
        var definition = """
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem",
                "Parameters":{"TableName":"cli-sdk-orders","Item":{"pk":{"S.$":"$.customer"},"sk":{"S":"order-1"},"total":{"N":"42"}}},
                "ResultPath":"$.put","Next":"Query"},
              "Query":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:query",
                "Parameters":{"TableName":"cli-sdk-orders","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S.$":"$.customer"}}},
                "ResultPath":"$.query","Next":"PutAgain"},
              "PutAgain":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem",
                "Parameters":{"TableName":"cli-sdk-orders","Item":{"pk":{"S.$":"$.customer"},"sk":{"S":"order-1"}},"ConditionExpression":"attribute_not_exists(pk)"},
                "Catch":[{"ErrorEquals":["DynamoDb.ConditionalCheckFailedException"],"ResultPath":"$.error","Next":"Done"}],
                "ResultPath":"$.again","Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}
            """;
        var machine = await CreateAsync("cli-sdk-dynamodb", definition);

        var ended = await RunAsync(machine, """{"customer":"c-1"}""");

        Assert.True(ended.Status == "SUCCEEDED", ended.Error + " " + ended.Cause);
        using var output = JsonDocument.Parse(ended.Output!);
        var root = output.RootElement;
        // PutItem answers {} (AWS's recorded aws-sdk:dynamodb:putItem output; no SdkHttpMetadata, unlike dynamodb:putItem).
        Assert.Equal("{}", root.GetProperty("put").GetRawText());
        Assert.Equal(1, root.GetProperty("query").GetProperty("Count").GetInt32());
        var item = Assert.Single(root.GetProperty("query").GetProperty("Items").EnumerateArray());
        Assert.Equal("42", item.GetProperty("total").GetProperty("N").GetString());
        Assert.False(root.TryGetProperty("again", out _));
        Assert.Equal("DynamoDb.ConditionalCheckFailedException", root.GetProperty("error").GetProperty("Error").GetString());
        Assert.Matches(CausePattern("The conditional request failed", "DynamoDb", 400), root.GetProperty("error").GetProperty("Cause").GetString());
        var history = await HistoryAsync(ended.ExecutionArn);
        var failed = history.Single(e => e.GetProperty("type").GetString() == "TaskFailed").GetProperty("taskFailedEventDetails");
        Assert.Equal("aws-sdk:dynamodb", failed.GetProperty("resourceType").GetString());
        Assert.Equal("putItem", failed.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Cli_LambdaInvoke_PayloadIsTheFunctionsText_AndAMissingFunctionIsLambdaResourceNotFound()
    {
        const string name = "cli-sdk-echo";
        await CreateEchoFunctionAsync(name);
        try
        {
            var definition = """
                {"StartAt":"Invoke","States":{
                  "Invoke":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:lambda:invoke",
                    "Parameters":{"FunctionName":"FN","Payload":{"n.$":"$.n"}},"ResultPath":"$.invoked","Next":"Missing"},
                  "Missing":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:lambda:invoke","Parameters":{"FunctionName":"cli-sdk-nobody"},
                    "Catch":[{"ErrorEquals":["Lambda.ResourceNotFoundException"],"ResultPath":"$.error","Next":"Done"}],"Next":"Done"},
                  "Done":{"Type":"Pass","End":true}}}
                """.Replace("FN", name, StringComparison.Ordinal);
            var machine = await CreateAsync("cli-sdk-lambda", definition);

            var ended = await RunAsync(machine, """{"n":5}""");

            Assert.True(ended.Status == "SUCCEEDED", ended.Error + " " + ended.Cause);
            using var output = JsonDocument.Parse(ended.Output!);
            var invoked = output.RootElement.GetProperty("invoked");
            // Unlike lambda:invoke, the SDK integration leaves Payload as the function's text (an escaped JSON string)
            // and adds no SdkHttpMetadata (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html).
            Assert.Equal(JsonValueKind.String, invoked.GetProperty("Payload").ValueKind);
            Assert.Equal("""{"n": 5}""", invoked.GetProperty("Payload").GetString());
            Assert.Equal(200, invoked.GetProperty("StatusCode").GetInt32());
            Assert.Equal("$LATEST", invoked.GetProperty("ExecutedVersion").GetString());
            Assert.False(invoked.TryGetProperty("SdkHttpMetadata", out _));
            Assert.False(invoked.TryGetProperty("FunctionError", out _));
            var error = output.RootElement.GetProperty("error");
            Assert.Equal("Lambda.ResourceNotFoundException", error.GetProperty("Error").GetString());
            Assert.Matches(@"^Function not found: arn:aws:lambda:us-east-1:000000000000:function:cli-sdk-nobody(:\$LATEST)? \(Service: Lambda, Status Code: 404, Request ID: [0-9a-f\-]{36}\)$",
                error.GetProperty("Cause").GetString());
        }
        finally
        {
            await cli.RunAsync("lambda", "delete-function", "--function-name", name);
        }
    }

    [Fact]
    public async Task Boto3_SfnStartAndDescribeExecution_SchedulerGetSchedule_AndTheirErrorsByAwsName()
    {
        var endpoint = cli.Cloud.Endpoint.ToString().TrimEnd('/');
        var script = $$$"""
            import boto3, json, time
            def client(name):
                return boto3.client(name, endpoint_url="{{{endpoint}}}", region_name="{{{cli.Cloud.Region}}}",
                    aws_access_key_id="{{{cli.Cloud.Credentials.AccessKeyId}}}", aws_secret_access_key="{{{cli.Cloud.Credentials.SecretAccessKey}}}")
            sfn, scheduler = client("stepfunctions"), client("scheduler")
            child = sfn.create_state_machine(name="boto3-sdk-child", roleArn="{{{Role}}}",
                definition=json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True} } }))["stateMachineArn"]
            scheduler.create_schedule(Name="boto3-sdk-later", ScheduleExpression="at(2099-01-01T00:00:00)", FlexibleTimeWindow={"Mode": "OFF"},
                Target={"Arn": child, "RoleArn": "{{{Role}}}", "Input": "{}"})
            missing = child.replace(":stateMachine:", ":execution:") + ":nobody"
            definition = {"StartAt": "Start", "States": {
                "Start": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:startExecution",
                    "Parameters": {"StateMachineArn": child, "Name": "from-sdk", "Input": {"k": "v"}}, "ResultPath": "$.started", "Next": "Describe"},
                "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
                    "Parameters": {"ExecutionArn.$": "$.started.ExecutionArn"}, "ResultPath": "$.described", "Next": "DescribeSelf"},
                "DescribeSelf": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
                    "Parameters": {"ExecutionArn.$": "$$.Execution.Id"}, "ResultSelector": {"Status.$": "$.Status", "Name.$": "$.Name"},
                    "ResultPath": "$.self", "Next": "DescribeMissing"},
                "DescribeMissing": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
                    "Parameters": {"ExecutionArn": missing}, "ResultPath": "$.described_missing", "Next": "GetSchedule",
                    "Catch": [{"ErrorEquals": ["Sfn.ExecutionDoesNotExistException"], "ResultPath": "$.missing", "Next": "GetSchedule"}]},
                "GetSchedule": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:scheduler:getSchedule",
                    "Parameters": {"Name": "boto3-sdk-later"}, "ResultPath": "$.schedule", "Next": "GetMissingSchedule"},
                "GetMissingSchedule": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:scheduler:getSchedule",
                    "Parameters": {"Name": "boto3-sdk-nothing"}, "ResultPath": "$.schedule_missing", "End": True,
                    "Catch": [{"ErrorEquals": ["Scheduler.ResourceNotFoundException"], "ResultPath": "$.no_schedule", "Next": "Done"}]},
                "Done": {"Type": "Pass", "End": True} } }
            parent = sfn.create_state_machine(name="boto3-sdk-parent", roleArn="{{{Role}}}", definition=json.dumps(definition))["stateMachineArn"]
            before = int(time.time() * 1000)
            arn = sfn.start_execution(stateMachineArn=parent)["executionArn"]
            deadline = time.time() + 60
            while sfn.describe_execution(executionArn=arn)["status"] == "RUNNING" and time.time() < deadline:
                time.sleep(0.05)
            described = sfn.describe_execution(executionArn=arn)
            scheduler.delete_schedule(Name="boto3-sdk-later")
            print(json.dumps({"status": described["status"], "output": json.loads(described.get("output", "null")), "error": described.get("error"),
                "cause": described.get("cause"), "child": child, "missing": missing, "before": before}))
            """;

        var result = await Boto3Script.RunAsync(script);

        Assert.True(result.GetProperty("status").GetString() == "SUCCEEDED", result.GetRawText());
        var output = result.GetProperty("output");
        var child = result.GetProperty("child").GetString()!;
        var started = output.GetProperty("started");
        Assert.Equal(child.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":from-sdk", started.GetProperty("ExecutionArn").GetString());
        // The Java SDK behind Step Functions writes timestamps as epoch milliseconds.
        Assert.Equal(JsonValueKind.Number, started.GetProperty("StartDate").ValueKind);
        Assert.InRange(started.GetProperty("StartDate").GetInt64(), result.GetProperty("before").GetInt64() - 1000, result.GetProperty("before").GetInt64() + 60_000);
        var described = output.GetProperty("described");
        Assert.Equal(started.GetProperty("ExecutionArn").GetString(), described.GetProperty("ExecutionArn").GetString());
        Assert.Equal(child, described.GetProperty("StateMachineArn").GetString());
        Assert.Equal("from-sdk", described.GetProperty("Name").GetString());
        // An Input given as JSON is serialised, as AWS does (LocalStack's recorded implicit-serialisation history).
        Assert.Equal("""{"k":"v"}""", described.GetProperty("Input").GetString());
        Assert.Equal(started.GetProperty("StartDate").GetInt64(), described.GetProperty("StartDate").GetInt64());
        // An execution may call its own service about itself while it runs.
        Assert.Equal("RUNNING", output.GetProperty("self").GetProperty("Status").GetString());
        Assert.False(output.TryGetProperty("described_missing", out _));
        var missing = output.GetProperty("missing");
        Assert.Equal("Sfn.ExecutionDoesNotExistException", missing.GetProperty("Error").GetString());
        Assert.Matches(@"^.+ \(Service: Sfn, Status Code: 400, Request ID: [0-9a-f\-]{36}\)$", missing.GetProperty("Cause").GetString());
        Assert.Contains(result.GetProperty("missing").GetString()!, missing.GetProperty("Cause").GetString(), StringComparison.Ordinal);
        var schedule = output.GetProperty("schedule");
        Assert.Equal("boto3-sdk-later", schedule.GetProperty("Name").GetString());
        Assert.Equal("default", schedule.GetProperty("GroupName").GetString());
        Assert.Equal(child, schedule.GetProperty("Target").GetProperty("Arn").GetString());
        Assert.Equal("at(2099-01-01T00:00:00)", schedule.GetProperty("ScheduleExpression").GetString());
        Assert.Equal(JsonValueKind.Number, schedule.GetProperty("CreationDate").ValueKind);
        Assert.False(output.TryGetProperty("schedule_missing", out _));
        var noSchedule = output.GetProperty("no_schedule");
        Assert.Equal("Scheduler.ResourceNotFoundException", noSchedule.GetProperty("Error").GetString());
        Assert.Matches(@"^.+ \(Service: Scheduler, Status Code: 404, Request ID: [0-9a-f\-]{36}\)$", noSchedule.GetProperty("Cause").GetString());
    }

    [Fact]
    public async Task Cli_UnhostedService_FailsAtRunTimeNamingIt_AndValidateWarnsAboutIt()
    {
        var definition = """
            {"StartAt":"Get","States":{
              "Get":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"b","Key":"k"},"Next":"Tell"},
              "Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:000000000000:t","Message":"m"},"End":true}}}
            """;
        var validated = await cli.OkAsync("stepfunctions", "validate-state-machine-definition", "--definition", definition, "--severity", "WARNING");
        var errorsOnly = await cli.OkAsync("stepfunctions", "validate-state-machine-definition", "--definition", definition);
        var machine = await CreateAsync("cli-sdk-unhosted", definition);

        var ended = await RunAsync(machine, "{}");

        Assert.Equal("OK", validated.GetProperty("result").GetString());
        var diagnostics = validated.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["/States/Get/Resource", "/States/Tell/Resource"], diagnostics.Select(d => d.GetProperty("location").GetString()));
        Assert.All(diagnostics, d => Assert.Equal("WARNING", d.GetProperty("severity").GetString()));
        Assert.All(diagnostics, d => Assert.Equal("LOCALCLOUD_UNSUPPORTED_RESOURCE", d.GetProperty("code").GetString()));
        Assert.Contains("'s3'", diagnostics[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("'sns'", diagnostics[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("OK", errorsOnly.GetProperty("result").GetString());
        Assert.Empty(errorsOnly.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("FAILED", ended.Status);
        Assert.Equal("States.Runtime", ended.Error);
        Assert.Equal(diagnostics[0].GetProperty("message").GetString(), ended.Cause);
    }

    [Fact]
    public async Task Cli_SchedulerUniversalTargets_SfnStartExecutionAndLambdaInvoke_Fire()
    {
        const string function = "cli-sdk-scheduled";
        await CreateEchoFunctionAsync(function);
        try
        {
            var machineArn = await CreateAsync("cli-sdk-scheduled", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
            var sfnTarget = JsonSerializer.Serialize(new
            {
                Arn = "arn:aws:scheduler:::aws-sdk:sfn:startExecution",
                RoleArn = Role,
                // Written out rather than serialised: JsonSerializer would escape the context attribute's angle brackets.
                Input = $$"""{"StateMachineArn":"{{machineArn}}","Input":"{\"from\":\"universal\",\"at\":\"<aws.scheduler.scheduled-time>\"}"}""",
            });
            var lambdaTarget = JsonSerializer.Serialize(new
            {
                Arn = "arn:aws:scheduler:::aws-sdk:lambda:invoke",
                RoleArn = Role,
                Input = JsonSerializer.Serialize(new { FunctionName = function, Payload = new { from = "universal" } }),
            });

            // A rate schedule without StartDate fires at creation (docs/services/scheduler.md).
            var toSfn = await cli.OkAsync("scheduler", "create-schedule", "--name", "cli-sdk-to-sfn", "--schedule-expression", "rate(1 hour)",
                "--flexible-time-window", "Mode=OFF", "--target", sfnTarget);
            var toLambda = await cli.OkAsync("scheduler", "create-schedule", "--name", "cli-sdk-to-lambda", "--schedule-expression", "rate(1 hour)",
                "--flexible-time-window", "Mode=OFF", "--target", lambdaTarget);
            await SettledAsync(toSfn.GetProperty("ScheduleArn").GetString()!);
            await SettledAsync(toLambda.GetProperty("ScheduleArn").GetString()!);
            var executions = await cli.OkAsync("stepfunctions", "list-executions", "--state-machine-arn", machineArn);
            await cli.OkAsync("scheduler", "delete-schedule", "--name", "cli-sdk-to-sfn");
            await cli.OkAsync("scheduler", "delete-schedule", "--name", "cli-sdk-to-lambda");

            var execution = Assert.Single(executions.GetProperty("executions").EnumerateArray());
            var ended = await cli.Cloud.WaitForExecutionAsync(execution.GetProperty("executionArn").GetString()!, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.Equal("SUCCEEDED", ended.Status);
            using var input = JsonDocument.Parse(ended.Input!);
            Assert.Equal("universal", input.RootElement.GetProperty("from").GetString());
            Assert.EndsWith("Z", input.RootElement.GetProperty("at").GetString(), StringComparison.Ordinal);
            // The echo function fails on anything but a JSON object, so a clean invocation shows the Payload arrived as one.
            var invocation = Assert.Single(cli.Cloud.Server.Services.OfType<LambdaService>().Single().RecentInvocations(), i => i.FunctionName == function);
            Assert.Equal("RequestResponse", invocation.InvocationType);
            Assert.Null(invocation.ErrorType);
        }
        finally
        {
            await cli.RunAsync("lambda", "delete-function", "--function-name", function);
        }
    }

    private async Task SettledAsync(string scheduleArn)
    {
        var scheduler = cli.Cloud.Server.Services.OfType<SchedulerService>().Single();
        var firing = scheduler.RecentFirings.FirstOrDefault(f => f.ScheduleArn == scheduleArn);
        Assert.NotNull(firing);
        await firing.Settled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(firing.Outcome == FiringOutcome.Delivered, firing.Error);
    }

    private async Task<string> CreateAsync(string name, string definition)
        => (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", name, "--definition", definition, "--role-arn", Role))
            .GetProperty("stateMachineArn").GetString()!;

    private async Task<Aws.Clients.StepFunctions.DescribeExecutionResponse> RunAsync(string machine, string input)
    {
        var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine, "--input", input);
        return await cli.Cloud.WaitForExecutionAsync(started.GetProperty("executionArn").GetString()!, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    private async Task<List<JsonElement>> HistoryAsync(string executionArn)
        => (await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn)).GetProperty("events").EnumerateArray().ToList();

    private async Task CreateEchoFunctionAsync(string name)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"cli-sdk-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(zip, EchoZip());
        try
        {
            await cli.OkAsync("lambda", "create-function", "--function-name", name, "--runtime", "provided.al2023", "--handler", "echo",
                "--role", Role, "--zip-file", $"fileb://{zip}");
            await cli.OkAsync("lambda", "wait", "function-active-v2", "--function-name", name);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    /// <summary>A provided.al2023 function (Python bootstrap, no build step) answering its event, and failing on anything but a JSON object.</summary>
    private static byte[] EchoZip()
    {
        const string bootstrap = """
            #!/usr/bin/env python3
            import json, os, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    event = json.loads(r.read() or b"null")
                if isinstance(event, dict):
                    path, body = "/response", json.dumps(event)
                else:
                    path, body = "/error", json.dumps({"errorType": "NotAnObject", "errorMessage": "the event is not a JSON object"})
                urllib.request.urlopen(urllib.request.Request(api + request_id + path, data=body.encode(), method="POST")).read()
            """;
        return BootstrapZip.Of(bootstrap);
    }
}
